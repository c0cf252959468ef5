package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
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

  /**
   * When a task is created: if it came back for a refused decision, it is that person's. A task the
   * model reaches from a refusal under another name (an administration process's revision, after a
   * refused start or proposal) is where that refusal came back: its own model assigns it and
   * prefills it with what was sent, and the person is pointed to it.
   */
  TaskListener returned() {
    return (DelegateTask task) -> {
      var refused =
          outcomes.returnedAs(
              task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getId());
      if (refused.isPresent()) {
        var execution = task.getExecution();
        for (CamundaFormField field : FormFields.declared(task.getBpmnModelElementInstance())) {
          // A revision starts from what was sent (prefill), refused again or not; its decision
          // and every other input are chosen again.
          if (FormFields.property(field, "prefill").isEmpty()) {
            execution.removeVariable(field.getCamundaId());
          }
        }
        execution.removeVariable(ExportProcess.LEDGER_REFUSAL);
        task.setVariableLocal(ExportProcess.LEDGER_REFUSAL, refused.get().reason());
        task.setAssignee(refused.get().decidedBy());
      } else {
        Set<String> steps = refusedStepsLeadingTo(task.getBpmnModelElementInstance());
        if (!steps.isEmpty()) {
          outcomes.revisedIn(task.getProcessInstanceId(), steps, task.getId());
        }
      }
    };
  }

  /**
   * The ledger steps whose refusal the model leads to {@code task} from (a boundary event catching
   * {@code LEDGER_REFUSED}, through nothing but gateways and events). The flows are read from the
   * model's sequence flows: a node's own {@code incoming} references are optional in BPMN files.
   */
  static Set<String> refusedStepsLeadingTo(FlowNode task) {
    var flows = task.getModelInstance().getModelElementsByType(SequenceFlow.class);
    Deque<FlowNode> toVisit = new ArrayDeque<>(List.of(task));
    Set<String> seen = new HashSet<>();
    Set<String> steps = new HashSet<>();
    while (!toVisit.isEmpty()) {
      FlowNode target = toVisit.pop();
      for (SequenceFlow incoming : flows) {
        if (incoming.getTarget() != target) {
          continue;
        }
        FlowNode source = incoming.getSource();
        if (source instanceof BoundaryEvent boundary && catchesLedgerRefusal(boundary)) {
          steps.add(boundary.getAttachedTo().getId());
        }
        if ((source instanceof Gateway || source instanceof IntermediateCatchEvent)
            && seen.add(source.getId())) {
          toVisit.push(source);
        }
      }
    }
    return steps;
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
