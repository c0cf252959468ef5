package et.coffeeexport.workflow.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.workflow.lifecycle.InMemoryWorkflow;
import java.security.Principal;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the person who completed a task reads after "Complete", on the engine with the application's
 * own listeners ({@link InMemoryWorkflow}): pending while the step waits, retrying and failed while
 * the ledger cannot be reached, committed with the transaction, refused with the reason and the
 * task that came back, recorded where the path writes nothing; and nobody else reads it.
 */
class DecisionOutcomeControllerTest {
  private static final ProcessEngine ENGINE = InMemoryWorkflow.ENGINE;
  private static final DecisionOutcomeController CONTROLLER =
      new DecisionOutcomeController(
          InMemoryWorkflow.OUTCOMES, ENGINE.getManagementService(), ENGINE.getHistoryService());

  @BeforeEach
  void fakeLedger() {
    InMemoryWorkflow.fakeLedger();
  }

  @Test
  void theDeciderFollowsTheStepFromPendingThroughRetriesToTheTransaction() {
    String process = InMemoryWorkflow.startReview("EXP-OUTCOME-1");
    Task review = InMemoryWorkflow.task(process, "Review");
    InMemoryWorkflow.completeAs("ecta.officer", review, Map.of("decision", "APPROVE"));
    assertThat(read("ecta.officer", review).path("outcome").asText()).isEqualTo("PENDING");

    InMemoryWorkflow.FAIL_WITH.set("UNAVAILABLE: no peer of ECTA answered");
    InMemoryWorkflow.runStep(process);
    JsonNode retrying = read("ecta.officer", review);
    assertThat(retrying.path("outcome").asText()).isEqualTo("RETRYING");
    assertThat(retrying.path("failure").asText()).contains("no peer of ECTA answered");

    var job = ENGINE.getManagementService().createJobQuery().processInstanceId(process).list();
    job.stream()
        .filter(j -> j.getExceptionMessage() != null)
        .forEach(j -> ENGINE.getManagementService().setJobRetries(j.getId(), 0));
    assertThat(read("ecta.officer", review).path("outcome").asText()).isEqualTo("FAILED");

    InMemoryWorkflow.FAIL_WITH.set(null);
    job.stream()
        .filter(j -> j.getExceptionMessage() != null)
        .forEach(j -> ENGINE.getManagementService().setJobRetries(j.getId(), 1));
    InMemoryWorkflow.runStep(process);
    JsonNode committed = read("ecta.officer", review);
    assertThat(committed.path("outcome").asText()).isEqualTo("COMMITTED");
    assertThat(committed.path("transactionId").asText()).startsWith("tx-");
    assertThat(committed.path("task").asText()).isEqualTo("Review export EXP-OUTCOME-1 (ECTA)");
  }

  @Test
  void aRefusalNamesItsCodeReasonAndTheTaskThatCameBack() {
    String process = InMemoryWorkflow.startReview("EXP-OUTCOME-2");
    Task review = InMemoryWorkflow.task(process, "Review");
    InMemoryWorkflow.REFUSE_WITH.set("PRECONDITION_FAILED: no co-signed minimum export price");
    InMemoryWorkflow.completeAs("ecta.officer", review, Map.of("decision", "APPROVE"));
    InMemoryWorkflow.runStep(process);

    JsonNode refused = read("ecta.officer", review);
    assertThat(refused.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(refused.path("code").asText()).isEqualTo("PRECONDITION_FAILED");
    assertThat(refused.path("reason").asText()).contains("no co-signed minimum export price");
    assertThat(refused.path("returnedTaskId").asText())
        .isEqualTo(InMemoryWorkflow.task(process, "Review").getId());
  }

  @Test
  void onlyThePersonWhoCompletedTheTaskReadsItsOutcome() {
    String process = InMemoryWorkflow.startReview("EXP-OUTCOME-3");
    Task review = InMemoryWorkflow.task(process, "Review");
    InMemoryWorkflow.completeAs("ecta.officer", review, Map.of("decision", "APPROVE"));
    for (String other : new String[] {"ecta.supervisor", "ecx.officer", null}) {
      assertThatThrownBy(() -> read(other, review))
          .as(String.valueOf(other))
          .isInstanceOfSatisfying(
              ResponseStatusException.class,
              e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND));
    }
    assertThatThrownBy(() -> CONTROLLER.outcome("no-such-task", () -> "ecta.officer"))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("no decision of yours was taken in task no-such-task");
  }

  @Test
  void aProposalCommitsAndASendBackWritesNothingToTheLedger() {
    String round = ENGINE.getRuntimeService().startProcessInstanceByKey("DailyPriceFloors").getId();
    Task propose = InMemoryWorkflow.task(round, "ProposePriceFloors");
    InMemoryWorkflow.completeAs(
        "ecta.officer",
        propose,
        Map.of(
            "floorsJson",
            "[{\"grade\":\"G2\",\"origin\":\"GUJI\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.1}]"));
    assertThat(read("ecta.officer", propose).path("outcome").asText()).isEqualTo("PENDING");
    InMemoryWorkflow.runStep(round);
    JsonNode proposed = read("ecta.officer", propose);
    assertThat(proposed.path("outcome").asText())
        .as("the step ended (the engine's history): its entries are on the ledger")
        .isEqualTo("COMMITTED");

    Task cosign = InMemoryWorkflow.task(round, "CosignPriceFloors");
    InMemoryWorkflow.completeAs(
        "national-bank.supervisor",
        cosign,
        Map.of("decision", "SEND_BACK", "reasons", "below the ICE differential"));
    assertThat(read("national-bank.supervisor", cosign).path("outcome").asText())
        .isEqualTo("RECORDED");
  }

  private static JsonNode read(String user, Task task) {
    Principal principal = user == null ? null : () -> user;
    return CONTROLLER.outcome(task.getId(), principal);
  }
}
