package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * Who decided, carried from the completed task to the asynchronous ledger step after it. Every
 * ledger step but filing runs in a job of its own (a failure there is retried and then becomes an
 * incident, never a stalled request), so the person is no longer authenticated when it runs: on
 * completion the engine's authenticated user is recorded for each ledger step that directly follows
 * the task (through gateways), with the task's id as that step's key. The key makes the step
 * idempotent on the ledger: a job retried after the engine rolled back finds its decision already
 * recorded and gets the export back instead of a refusal. A person's decision is also recorded in
 * {@link DecisionOutcomes}, which the step settles.
 */
final class Decisions implements TaskListener {
  private final DecisionOutcomes outcomes;

  Decisions(DecisionOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void notify(DelegateTask task) {
    var authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      // A person decided: what becomes of it is theirs to read after "Complete".
      outcomes.decided(
          task.getId(),
          task.getProcessInstanceId(),
          task.getTaskDefinitionKey(),
          task.getName(),
          authentication.getUserId(),
          stepsAfter((FlowNode) task.getBpmnModelElementInstance()));
    }
    mark(
        task.getExecution(),
        (FlowNode) task.getBpmnModelElementInstance(),
        authentication == null ? null : authentication.getUserId(),
        task.getId());
  }

  /**
   * Records {@code userId} as the decider, and {@code key} as the step key, of every ledger step
   * {@code node} leads to. Without a user (completed by the platform on someone's behalf, such as
   * the submission API), the step's own rule names its signer (the exporter of the process).
   */
  static void mark(DelegateExecution execution, FlowNode node, String userId, String key) {
    for (String step : stepsAfter(node)) {
      if (userId == null) {
        execution.removeVariable(LedgerActors.decidedBy(step));
      } else {
        execution.setVariable(LedgerActors.decidedBy(step), userId);
      }
      execution.setVariable(LedgerActors.stepKey(step), key);
    }
  }

  /** The ledger steps the node leads to directly: through gateways, not through other work. */
  static Set<String> stepsAfter(FlowNode node) {
    Set<String> steps = new LinkedHashSet<>();
    collect(node, steps, new LinkedHashSet<>());
    return steps;
  }

  private static void collect(FlowNode node, Set<String> steps, Set<String> seen) {
    // Sequence flows by their source: models need not list a node's outgoing flows on the node.
    for (var flow : node.getModelInstance().getModelElementsByType(SequenceFlow.class)) {
      if (!flow.getSource().getId().equals(node.getId())) {
        continue;
      }
      FlowNode next = flow.getTarget();
      if (!seen.add(next.getId())) {
        continue;
      }
      if (next instanceof ServiceTask task && isLedgerStep(task)) {
        steps.add(task.getId());
      } else if (next instanceof Gateway) {
        collect(next, steps, seen);
      }
    }
  }

  /**
   * A service task is a ledger step when it names what it does on the ledger: a lifecycle action or
   * a price-floor action ({@link ExportProcess#LEDGER_STEP_PROPERTIES}).
   */
  private static boolean isLedgerStep(ServiceTask task) {
    return ExportProcess.LEDGER_STEP_PROPERTIES.stream()
        .anyMatch(name -> LedgerStep.property(task, name).isPresent());
  }

  /** The person who decided this step, or null: then the step's own rule names its signer. */
  static String decider(DelegateExecution execution) {
    Object decided =
        execution.getVariable(LedgerActors.decidedBy(execution.getCurrentActivityId()));
    return decided == null ? null : decided.toString();
  }

  /** This step's idempotency key, or null for steps that are idempotent by themselves. */
  static String stepKey(DelegateExecution execution) {
    Object key = execution.getVariable(LedgerActors.stepKey(execution.getCurrentActivityId()));
    return key == null ? null : key.toString();
  }

  /** The step is done (decided or refused): its marks name no later decision. */
  static void consumed(DelegateExecution execution) {
    execution.removeVariable(LedgerActors.decidedBy(execution.getCurrentActivityId()));
    execution.removeVariable(LedgerActors.stepKey(execution.getCurrentActivityId()));
  }
}
