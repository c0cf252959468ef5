package et.coffeeexport.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Who decided, carried from the completed task to the asynchronous ledger step after it. Every
 * ledger step runs in a job of its own (a failure there is retried and then becomes an incident,
 * never a stalled request), so the person is no longer authenticated when it runs: on completion
 * the engine's authenticated user is recorded, with the task's id as the step's key. The key makes
 * the step idempotent on the ledger: a job retried after the engine rolled back finds its decision
 * already recorded and gets the export back instead of a refusal.
 */
final class Decisions implements TaskListener {
  /** The username of the person who completed the last task. */
  static final String DECIDED_BY = "decidedBy";

  /** The ledger step's idempotency key: the completed task's id. */
  static final String STEP_KEY = LedgerActors.STEP_KEY;

  /** Set with a message: the user who reported it; the delegate it triggers consumes it. */
  static final String ACTING_USER = LedgerActors.ACTING_USER;

  @Override
  public void notify(DelegateTask task) {
    var authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    var execution = task.getExecution();
    if (authentication == null) {
      // Completed by the platform on someone's behalf (the submission API): the step names its
      // signer otherwise (the exporter of the process); a mark from an earlier task must not stay.
      execution.removeVariable(DECIDED_BY);
    } else {
      execution.setVariable(DECIDED_BY, authentication.getUserId());
    }
    execution.setVariable(STEP_KEY, task.getId());
  }

  /** The person who decided, or null: then the step's own rule names its signer. */
  static String decider(DelegateExecution execution) {
    Object decided = execution.getVariable(DECIDED_BY);
    if (decided != null) {
      return decided.toString();
    }
    Object reporter = execution.getVariable(ACTING_USER);
    return reporter == null ? null : reporter.toString();
  }

  /** The step's idempotency key, or null for steps that are idempotent by themselves. */
  static String stepKey(DelegateExecution execution) {
    Object key = execution.getVariable(STEP_KEY);
    return key == null ? null : key.toString();
  }

  /** The step is done: its marks name no later step's decider. */
  static void consumed(DelegateExecution execution) {
    execution.removeVariable(DECIDED_BY);
    execution.removeVariable(ACTING_USER);
    execution.removeVariable(STEP_KEY);
  }
}
