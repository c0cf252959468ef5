package et.coffeeexport.workflow.submission;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Engine calls the submission API makes on an exporter's behalf, after checking the exporter's
 * rights itself (ownership, the state machine). Exporters have no rights in the engine; their
 * ledger signatures come from the process's {@code exporterUser}.
 */
@Component
public class AsPlatform {
  private static final Logger log = LoggerFactory.getLogger(AsPlatform.class);
  private static final int TRIES = 5;

  /** PostgreSQL: deadlock_detected, serialization_failure, foreign_key_violation. */
  private static final Set<String> CLASHING_SQL_STATES = Set.of("40P01", "40001", "23503");

  private final IdentityService identities;

  AsPlatform(IdentityService identities) {
    this.identities = identities;
  }

  public <T> T call(Supplier<T> work) {
    var caller = identities.getCurrentAuthentication();
    identities.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identities.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }

  /**
   * Runs a change to a process the engine may be moving at the same moment (its ledger step's job
   * ending a stage): a clash with that job rolls this change back whole, so it is tried again, a
   * few times, before the caller hears of a conflict. Only outside a surrounding transaction, which
   * a clash would have spoiled.
   */
  public void change(Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        run(work);
        return;
      } catch (ProcessEngineException e) {
        if (!clash(e)) {
          throw e;
        }
        if (attempt == TRIES || TransactionSynchronizationManager.isActualTransactionActive()) {
          throw changing();
        }
        log.info("a change met the engine's own work (attempt {}): {}", attempt, e.getMessage());
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw changing();
        }
      }
    }
  }

  // Said to exporters and applicants alike: their export's or application's process was moving.
  private static ApiProblems.Conflict changing() {
    return new ApiProblems.Conflict("the process is changing at this moment; try again");
  }

  /**
   * How a clash with a concurrent engine transaction shows: a stale revision; PostgreSQL ending one
   * of two transactions that wait on each other's rows (deleting a process's tree while its job
   * updates it); a row the other transaction added or removed meanwhile (a child execution the job
   * inserted under one this change deletes: a foreign key the engine codes only on other databases,
   * so PostgreSQL's SQL state is read too); an execution the engine can no longer restore.
   */
  static boolean clash(ProcessEngineException e) {
    return e instanceof OptimisticLockingException
        || e.getCode() == BuiltinExceptionCode.DEADLOCK.getCode()
        || e.getCode() == BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode()
        || clashingSqlState(e)
        || e instanceof NullValueException
            && String.valueOf(e.getMessage()).contains("Cannot restore state");
  }

  private static boolean clashingSqlState(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
      if (t instanceof SQLException sql) {
        // A batch's statements fail as a chain of their own.
        for (SQLException s = sql; s != null && depth < 32; s = s.getNextException(), depth++) {
          if (CLASHING_SQL_STATES.contains(s.getSQLState())) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
