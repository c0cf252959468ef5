package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes.Outcome;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes.State;
import java.security.Principal;
import java.util.Date;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * After "Complete", the task form asks here what became of the decision ({@link OutcomeAnswer})
 * until it settles: only the person who completed the task may read it; anyone else, and an unknown
 * task, is answered 404 (no oracle of who decided what).
 */
@RestController
class DecisionOutcomeController {
  private final DecisionOutcomes outcomes;
  private final ManagementService management;
  private final HistoryService history;

  DecisionOutcomeController(
      DecisionOutcomes outcomes, ManagementService management, HistoryService history) {
    this.outcomes = outcomes;
    this.management = management;
    this.history = history;
  }

  @GetMapping(path = "/forms-api/decisions/{taskId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode outcome(@PathVariable String taskId, Principal principal) {
    Outcome outcome = yours(taskId, SignedIn.username(principal));
    if (outcome.state() != State.PENDING) {
      return OutcomeAnswer.of(outcome, null, null);
    }
    OutcomeAnswer.StepJob job = jobOf(outcome);
    if (job == null) {
      // The step's job may have settled the decision between the two reads.
      outcome = yours(taskId, SignedIn.username(principal));
    }
    Outcome settled = outcome;
    return OutcomeAnswer.of(settled, job, () -> stepEnded(settled));
  }

  private Outcome yours(String taskId, String username) {
    return outcomes
        .of(taskId)
        .filter(o -> Objects.equals(o.decidedBy(), username))
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND, "no decision of yours was taken in task " + taskId));
  }

  /** The job of one of the decision's steps in its process instance, while the step waits. */
  private OutcomeAnswer.StepJob jobOf(Outcome outcome) {
    return outcome.steps().stream()
        .flatMap(
            step ->
                management
                    .createJobQuery()
                    .processInstanceId(outcome.processInstanceId())
                    .activityId(step)
                    .list()
                    .stream())
        .findFirst()
        .map((Job job) -> new OutcomeAnswer.StepJob(job.getRetries(), job.getExceptionMessage()))
        .orElse(null);
  }

  /**
   * Whether one of the steps ended (not interrupted) after the decision and before the next one in
   * its process: a step that records nothing of its own here (the price floors').
   */
  private OutcomeAnswer.History stepEnded(Outcome outcome) {
    Date after = Date.from(outcome.decidedAt().minusSeconds(1));
    // Without a later decision the window is open-ended (no far-future bound: PostgreSQL's
    // timestamps end long before Long.MAX_VALUE).
    Date before = outcomes.nextDecisionAfter(outcome).map(Date::from).orElse(null);
    for (String step : outcome.steps()) {
      var query =
          history
              .createHistoricActivityInstanceQuery()
              .processInstanceId(outcome.processInstanceId())
              .activityId(step)
              .finished()
              .startedAfter(after);
      boolean ended =
          (before == null ? query : query.startedBefore(before))
              .list().stream().anyMatch(a -> !a.isCanceled());
      if (ended) {
        return OutcomeAnswer.History.STEP_ENDED;
      }
    }
    return OutcomeAnswer.History.NO_STEP;
  }
}
