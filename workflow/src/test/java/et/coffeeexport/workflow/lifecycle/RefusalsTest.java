package et.coffeeexport.workflow.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes.State;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The stage review with the application's own listeners and tables ({@link InMemoryWorkflow}): a
 * refused decision comes back to the officer who took it (assigned to them, the reason on that task
 * only, the process holding no reason for the next task to show), and the decision records what
 * became of it.
 */
class RefusalsTest {
  private static final ProcessEngine ENGINE = InMemoryWorkflow.ENGINE;
  private static final DecisionOutcomes OUTCOMES = InMemoryWorkflow.OUTCOMES;

  @BeforeEach
  void fakeLedger() {
    InMemoryWorkflow.fakeLedger();
  }

  @Test
  void aRefusedDecisionComesBackToTheOfficerWhoTookItWithItsReasonOnThatTaskOnly() {
    String process = InMemoryWorkflow.startReview("EXP-REFUSED");
    Task first = reviewOf(process);
    InMemoryWorkflow.REFUSE_WITH.set(
        "PRICE_BELOW_MINIMUM: the contract price is below the minimum of 3.0 USD/lb");
    InMemoryWorkflow.completeAs("ecta.officer", first, Map.of("decision", "APPROVE"));
    InMemoryWorkflow.runStep(process);

    Task back = reviewOf(process);
    assertThat(back.getId()).isNotEqualTo(first.getId());
    assertThat(back.getAssignee()).as("back in the decider's own list").isEqualTo("ecta.officer");
    assertThat(ENGINE.getTaskService().getVariableLocal(back.getId(), ExportProcess.LEDGER_REFUSAL))
        .isEqualTo("PRICE_BELOW_MINIMUM: the contract price is below the minimum of 3.0 USD/lb");
    assertThat(ENGINE.getRuntimeService().getVariables(process))
        .as("no reason, and no decision, left in the process for another task to show or inherit")
        .doesNotContainKeys(ExportProcess.LEDGER_REFUSAL, ExportProcess.DECISION);

    var refused = OUTCOMES.of(first.getId()).orElseThrow();
    assertThat(refused.state()).isEqualTo(State.REFUSED);
    assertThat(refused.decidedBy()).isEqualTo("ecta.officer");
    assertThat(refused.returnedTaskId()).isEqualTo(back.getId());
    assertThat(OUTCOMES.cameBackFor(back.getId()).map(o -> o.taskId())).contains(first.getId());

    // Deciding again clears it: the next decision is committed, and no task carries the reason.
    InMemoryWorkflow.REFUSE_WITH.set(null);
    InMemoryWorkflow.completeAs("ecta.officer", back, Map.of("decision", "APPROVE"));
    InMemoryWorkflow.runStep(process);
    var committed = OUTCOMES.of(back.getId()).orElseThrow();
    assertThat(committed.state()).isEqualTo(State.COMMITTED);
    assertThat(committed.transactionId()).startsWith("tx-");
    assertThat(ENGINE.getTaskService().createTaskQuery().processInstanceId(process).count())
        .as("the task that showed the refusal is done")
        .isZero();
  }

  @Test
  void anAdministrationDecisionIsAnsweredWithTheTransactionOfItsOwnStep() {
    String process = startStanding("EXPORTER-BAN", "BANNED");
    InMemoryWorkflow.runStep(process);
    Task cosign = InMemoryWorkflow.task(process, "CosignStandingChange");
    InMemoryWorkflow.completeAs("ecta.supervisor", cosign, Map.of("decision", "COSIGN"));
    InMemoryWorkflow.runStep(process);

    var proposed = OUTCOMES.of(process).orElseThrow();
    assertThat(proposed.state()).isEqualTo(State.COMMITTED);
    assertThat(proposed.transactionId())
        .as("the start's own step, not the co-signature after it")
        .isEqualTo("tx-RecordStandingProposal");
    var cosigned = OUTCOMES.of(cosign.getId()).orElseThrow();
    assertThat(cosigned.state()).isEqualTo(State.COMMITTED);
    assertThat(cosigned.decidedBy()).isEqualTo("ecta.supervisor");
    assertThat(cosigned.transactionId()).isNotEqualTo(proposed.transactionId());
  }

  @Test
  void aRefusedStartPointsItsOfficerToTheRevisionItCameBackAs() {
    InMemoryWorkflow.REFUSE_WITH.set("NOT_FOUND: no exporter EXPORTER-GONE in the registry");
    String process = startStanding("EXPORTER-GONE", "SUSPENDED");
    InMemoryWorkflow.runStep(process);

    Task revise = InMemoryWorkflow.task(process, "ReviseStandingChange");
    var start = OUTCOMES.of(process).orElseThrow();
    assertThat(start.state()).isEqualTo(State.REFUSED);
    assertThat(start.reason()).startsWith("NOT_FOUND");
    assertThat(start.returnedTaskId()).as("the task to open again").isEqualTo(revise.getId());
    assertThat(ENGINE.getRuntimeService().getVariable(process, "reasons"))
        .as("the revision starts from what was sent")
        .isEqualTo("audit");

    // Sent again and refused again: the revision comes back to its officer, still starting from
    // what they sent, with no decision chosen for them.
    InMemoryWorkflow.completeAs(
        "ecta.officer", revise, Map.of("decision", "RESUBMIT", "reasons", "audit\nsecond look"));
    InMemoryWorkflow.runStep(process);
    Task again = InMemoryWorkflow.task(process, "ReviseStandingChange");
    assertThat(again.getId()).isNotEqualTo(revise.getId());
    assertThat(again.getAssignee()).isEqualTo("ecta.officer");
    assertThat(OUTCOMES.of(revise.getId()).orElseThrow().returnedTaskId()).isEqualTo(again.getId());
    assertThat(ENGINE.getRuntimeService().getVariables(process))
        .containsEntry("reasons", "audit\nsecond look")
        .doesNotContainKey(ExportProcess.DECISION);
  }

  @Test
  void aDecisionCompletedByThePlatformRecordsNoPersonsOutcome() {
    String process = InMemoryWorkflow.startReview("EXP-PLATFORM");
    Task task = reviewOf(process);
    ENGINE.getTaskService().complete(task.getId(), Map.of("decision", "APPROVE"));
    assertThat(OUTCOMES.of(task.getId())).isEmpty();
  }

  /** ECTA's officer starts a standing change from its start form. */
  private static String startStanding(String exporterId, String standing) {
    ENGINE.getIdentityService().setAuthenticatedUserId("ecta.officer");
    try {
      return ENGINE
          .getRuntimeService()
          .startProcessInstanceByKey(
              ExportProcess.EXPORTER_STANDING,
              Map.of("exporterId", exporterId, "standing", standing, "reasons", "audit"))
          .getId();
    } finally {
      ENGINE.getIdentityService().clearAuthentication();
    }
  }

  private static Task reviewOf(String process) {
    return InMemoryWorkflow.task(process, "Review");
  }
}
