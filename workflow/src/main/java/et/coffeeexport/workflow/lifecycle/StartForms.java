package et.coffeeexport.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * What {@link FormInputs} and {@link Decisions} are to a task, for a process an officer starts from
 * Tasklist (the administration processes): the start form's declared fields are checked, however
 * the process is started, and the person who started it is the decider of the ledger steps right
 * after the start, with the process instance as their key; their start is recorded in {@link
 * DecisionOutcomes} under that key. A process started by the platform itself (no one authenticated)
 * names its signers by the steps' own rules.
 */
final class StartForms implements ExecutionListener {
  private final DecisionOutcomes outcomes;

  StartForms(DecisionOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public void notify(DelegateExecution execution) {
    FlowNode start = (FlowNode) execution.getBpmnModelElementInstance();
    for (var field : FormInputs.declaredFields(start)) {
      FormInputs.check(field, execution.getVariable(field.getCamundaId()));
    }
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null) {
      // A person's start is their decision, as a completion is: what became of it is theirs to
      // read after "Start", keyed by the process instance (the key of the steps it leads to).
      String instance = execution.getProcessInstanceId();
      outcomes.decided(
          instance,
          instance,
          start.getId(),
          processName(start),
          authentication.getUserId(),
          Decisions.stepsAfter(start));
      Decisions.mark(execution, start, authentication.getUserId(), instance);
    }
  }

  /** The name of the process whose own start this is (the listener is on no other start). */
  private static String processName(FlowNode start) {
    Process process = (Process) start.getParentElement();
    return process.getName() != null ? process.getName() : process.getId();
  }
}
