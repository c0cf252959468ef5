package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportAction;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The one delegate of every plain ledger step: the model names the action ({@code ledgerAction})
 * and, when the step records a form's content, the form field that holds it ({@code ledgerInput});
 * without one the step records the decider's reasons, with the form fields {@code ledgerFields}
 * names beside them. So the model and the domain's action table agree by construction: the action
 * is the domain's, its transaction the domain's, and the model check ({@code DualEnforcementTest})
 * reads the same property.
 */
@Component("ledgerStep")
class LedgerStep implements JavaDelegate {
  /** The property naming the form field whose JSON the step records. */
  static final String LEDGER_INPUT = "ledgerInput";

  /**
   * The property naming form fields (comma-separated) the step records next to the decider's
   * reasons, each under its own name: ECTA's new shipment date.
   */
  static final String LEDGER_FIELDS = "ledgerFields";

  private final LedgerSteps steps;

  LedgerStep(LedgerSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ExportAction action =
        ExportAction.valueOf(
            property(execution, ExportProcess.LEDGER_ACTION)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            execution.getCurrentActivityId() + " names no ledgerAction")));
    String input =
        property(execution, LEDGER_INPUT)
            .map(field -> (String) execution.getVariable(field))
            .orElseGet(
                () ->
                    Notes.of(
                        execution,
                        property(execution, LEDGER_FIELDS)
                            .map(fields -> List.of(fields.split("\\s*,\\s*")))
                            .orElse(List.of())));
    steps.take(execution, action, input);
  }

  /** A {@code camunda:property} of the activity being executed. */
  static Optional<String> property(DelegateExecution execution, String name) {
    FlowElement element = execution.getBpmnModelElementInstance();
    return element == null ? Optional.empty() : property(element, name);
  }

  /** A {@code camunda:property} of a model element. */
  static Optional<String> property(BaseElement element, String name) {
    return Extensions.of(element, CamundaProperties.class).stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }
}
