package et.coffeeexport.workflow.submission;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Engine calls the submission API makes on an exporter's behalf, after checking the exporter's
 * rights itself (ownership, the state machine). Exporters have no rights in the engine; their
 * ledger signatures come from the process's {@code exporterUser}.
 */
@Component
public class AsPlatform {
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
  void change(Runnable work) {
    for (int attempt = 1; ; attempt++) {
      try {
        run(work);
        return;
      } catch (org.camunda.bpm.engine.OptimisticLockingException
          | org.camunda.bpm.engine.exception.NullValueException e) {
        boolean clash =
            e instanceof org.camunda.bpm.engine.OptimisticLockingException
                || String.valueOf(e.getMessage()).contains("Cannot restore state");
        if (!clash
            || attempt == 5
            || org.springframework.transaction.support.TransactionSynchronizationManager
                .isActualTransactionActive()) {
          throw clash ? new ApiProblems.Conflict("the export is changing; try again") : e;
        }
        try {
          Thread.sleep(100L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new ApiProblems.Conflict("the export is changing; try again");
        }
      }
    }
  }
}
