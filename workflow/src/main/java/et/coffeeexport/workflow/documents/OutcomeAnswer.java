package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes.Outcome;

/**
 * What the person who completed a task reads about their decision: {@code COMMITTED} on the ledger
 * (with the transaction when the step recorded it), {@code REFUSED} (the reason, and the task that
 * came back to them), {@code PENDING} while the step waits or runs, {@code RETRYING} after a
 * technical failure, {@code FAILED} once its retries are spent (an incident operators see), or
 * {@code RECORDED} when the path taken writes nothing to the ledger (sent back, a follow-up note).
 */
final class OutcomeAnswer {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The step's job, as the engine holds it while the step has not settled. */
  record StepJob(int retries, String failure) {}

  /** Whether the engine's history shows one of the steps ended after the decision. */
  enum History {
    STEP_ENDED,
    NO_STEP
  }

  private OutcomeAnswer() {}

  /**
   * The answer for {@code outcome}: settled by the table, else by the step's job while it exists,
   * else by the engine's history ({@code history}, asked only then).
   */
  static ObjectNode of(Outcome outcome, StepJob job, java.util.function.Supplier<History> history) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("taskId", outcome.taskId());
    answer.put("task", outcome.taskName());
    answer.put("decidedAt", outcome.decidedAt().toString());
    switch (outcome.state()) {
      case COMMITTED -> {
        answer.put("outcome", "COMMITTED");
        answer.put("transactionId", outcome.transactionId());
        answer.put("exportStatus", outcome.exportStatus());
      }
      case REFUSED -> {
        answer.put("outcome", "REFUSED");
        String reason = outcome.reason() == null ? "" : outcome.reason();
        int colon = reason.indexOf(':');
        answer.put("code", colon > 0 ? reason.substring(0, colon) : null);
        answer.put("reason", reason);
        answer.put("returnedTaskId", outcome.returnedTaskId());
      }
      case RECORDED -> answer.put("outcome", "RECORDED");
      case PENDING -> pending(answer, job, history);
    }
    return answer;
  }

  private static void pending(
      ObjectNode answer, StepJob job, java.util.function.Supplier<History> history) {
    if (job == null) {
      answer.put("outcome", history.get() == History.STEP_ENDED ? "COMMITTED" : "RECORDED");
      return;
    }
    if (job.failure() == null) {
      answer.put("outcome", "PENDING");
    } else if (job.retries() > 0) {
      answer.put("outcome", "RETRYING");
      answer.put("failure", job.failure());
    } else {
      answer.put("outcome", "FAILED");
      answer.put("failure", job.failure());
    }
  }
}
