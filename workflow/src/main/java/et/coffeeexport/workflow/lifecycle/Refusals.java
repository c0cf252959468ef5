package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.springframework.stereotype.Component;

/**
 * A refused decision goes back to the person who took it, and only to them. The models catch a
 * refusal ({@code LEDGER_REFUSED}) on the step and lead back to the task, the reason in the
 * variable {@code ledgerRefusal}; as a process variable, though, the reason would show on whatever
 * task opens next, someone else's. So where a model catches a refusal, the decision that led to the
 * step is recorded refused ({@link DecisionOutcomes}); the task created again for it is assigned to
 * the person who decided, keeps the reason as a variable of its own (Cockpit, the engine's API),
 * and the process keeps none. The inputs the refused completion left are removed, so the next
 * completion carries its own (a decision is chosen again, never inherited).
 */
@Component
class Refusals {
  private final DecisionOutcomes outcomes;

  Refusals(DecisionOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  /** At the start of a boundary event catching a ledger refusal: the decision is refused. */
  ExecutionListener caught() {
    return (DelegateExecution execution) -> {
      if (execution.getBpmnModelElementInstance() instanceof BoundaryEvent boundary
          && catchesLedgerRefusal(boundary)) {
        Object reason = execution.getVariable(ExportProcess.LEDGER_REFUSAL);
        outcomes.refused(
            execution.getProcessInstanceId(),
            boundary.getAttachedTo().getId(),
            reason == null ? null : reason.toString());
      }
    };
  }

  /** When a task is created: if it came back for a refused decision, it is that person's. */
  TaskListener returned() {
    return (DelegateTask task) ->
        outcomes
            .returnedAs(task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId())
            .ifPresent(
                refused -> {
                  var execution = task.getExecution();
                  for (CamundaFormField field :
                      FormFields.declared(task.getBpmnModelElementInstance())) {
                    execution.removeVariable(field.getCamundaId());
                  }
                  execution.removeVariable(ExportProcess.LEDGER_REFUSAL);
                  task.setVariableLocal(ExportProcess.LEDGER_REFUSAL, refused.reason());
                  task.setAssignee(refused.decidedBy());
                });
  }

  private static boolean catchesLedgerRefusal(BoundaryEvent boundary) {
    return boundary.getEventDefinitions().stream()
        .anyMatch(
            d ->
                d instanceof ErrorEventDefinition error
                    && error.getError() != null
                    && ExportProcess.LEDGER_REFUSED.equals(error.getError().getErrorCode()));
  }
}
