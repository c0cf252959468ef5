package et.coffeeexport.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.workflow.lifecycle.InMemoryWorkflow;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An exporter's change meeting the engine's own job on the same process: CI once answered an
 * exporter's cancellation 500 while the bank's ledger step was ending the stage. A clash is tried
 * again; anything else reaches the caller unchanged, after one try.
 */
class AsPlatformTest {
  private final IdentityService identities = InMemoryWorkflow.ENGINE.getIdentityService();
  private final AsPlatform platform = new AsPlatform(identities);

  @AfterEach
  void signOut() {
    identities.clearAuthentication();
  }

  @Test
  void aChangeThatMeetsADeadlockIsTriedAgainAndGoesThrough() {
    AtomicInteger tries = new AtomicInteger();
    platform.change(
        () -> {
          if (tries.incrementAndGet() < 3) {
            throw new ProcessEngineException(
                "deadlock detected", BuiltinExceptionCode.DEADLOCK.getCode());
          }
        });
    assertThat(tries).hasValue(3);
  }

  @Test
  void aChangeThatKeepsClashingIsAConflictAfterFiveTries() {
    AtomicInteger tries = new AtomicInteger();
    assertThatThrownBy(
            () ->
                platform.change(
                    () -> {
                      tries.incrementAndGet();
                      throw new OptimisticLockingException("updated by another transaction");
                    }))
        .isInstanceOf(ApiProblems.Conflict.class)
        .hasMessageContaining("try again");
    assertThat(tries).hasValue(5);
  }

  @Test
  void anyOtherEngineFailureReachesTheCallerAfterOneTry() {
    AtomicInteger tries = new AtomicInteger();
    var failure = new ProcessEngineException("no such message", 0);
    assertThatThrownBy(
            () ->
                platform.change(
                    () -> {
                      tries.incrementAndGet();
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(tries).hasValue(1);
  }

  @Test
  void theChangeRunsWithoutTheCallersEngineRightsWhichComeBackAfterIt() {
    identities.setAuthentication("commercial-bank.officer", List.of("commercial-bank"));
    platform.change(() -> assertThat(identities.getCurrentAuthentication()).isNull());
    assertThat(identities.getCurrentAuthentication().getUserId())
        .isEqualTo("commercial-bank.officer");
  }

  @Test
  void whatCountsAsAClash() {
    assertThat(
            AsPlatform.clash(
                new ProcessEngineException(
                    "fk", BuiltinExceptionCode.FOREIGN_KEY_CONSTRAINT_VIOLATION.getCode())))
        .isTrue();
    assertThat(
            AsPlatform.clash(
                new org.camunda.bpm.engine.exception.NullValueException(
                    "Cannot restore state of process instance")))
        .isTrue();
    // As PostgreSQL's driver reports a parent execution deleted under a child the job inserted,
    // inside the engine's wrapping: the engine itself gives it no code on PostgreSQL.
    var batch = new java.sql.BatchUpdateException("batch entry 0 failed", "23000", 0, new int[0]);
    batch.setNextException(
        new java.sql.SQLException(
            "update or delete on table \"act_ru_execution\" violates foreign key constraint",
            "23503"));
    assertThat(
            AsPlatform.clash(
                new ProcessEngineException(
                    "ENGINE-03083 Exception while executing Batch Database Operations",
                    new org.apache.ibatis.exceptions.PersistenceException(batch))))
        .isTrue();
    assertThat(
            AsPlatform.clash(
                new ProcessEngineException(
                    "ENGINE-03083",
                    new org.apache.ibatis.exceptions.PersistenceException(
                        new java.sql.SQLException("value too long", "22001")))))
        .isFalse();
    assertThat(
            AsPlatform.clash(
                new org.camunda.bpm.engine.exception.NullValueException("taskId is null")))
        .isFalse();
    assertThat(
            AsPlatform.clash(
                new ProcessEngineException(
                    "too long", BuiltinExceptionCode.COLUMN_SIZE_TOO_SMALL.getCode())))
        .isFalse();
  }
}
