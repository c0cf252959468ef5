package et.coffeeexport.workflow.rules;

import et.coffeeexport.bpmn.ExportProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The rule-set change's forms, checked on the server whoever submits them (Tasklist or the engine's
 * API): the changes when ECTA starts the process or proposes it again (each rule one the form
 * offers, each value of its rule's kind, a real date, the directive named), and National Bank's
 * reasons when it sends a change back. A refusal names its field and answers 400, like any form
 * input the engine refuses; nothing starts or completes.
 */
@Component("ruleSetChangeInputs")
class RuleSetChangeInputs implements ExecutionListener, TaskListener {

  /** The start form, before the process takes its first step. */
  @Override
  public void notify(DelegateExecution execution) {
    checkChanges(execution::getVariable);
  }

  @Override
  public void notify(DelegateTask task) {
    Object decision = task.getVariable(ExportProcess.DECISION);
    String key = task.getTaskDefinitionKey();
    if (ExportProcess.REVISE_RULE_SET_CHANGE.equals(key)
        && ExportProcess.RuleSetRevision.PROPOSE_AGAIN.name().equals(decision)) {
      checkChanges(task::getVariable);
    }
    if (ExportProcess.COSIGN_RULE_SET_CHANGE.equals(key)
        && ExportProcess.Cosignature.SEND_BACK.name().equals(decision)) {
      Object reasons = task.getVariable(ExportProcess.REASONS);
      if (reasons == null || reasons.toString().isBlank()) {
        throw new FormFieldValidationException(
            ExportProcess.REASONS,
            "form field " + ExportProcess.REASONS + " is required to send the change back");
      }
    }
  }

  private static void checkChanges(java.util.function.Function<String, Object> fields) {
    try {
      ProposedChanges.of(fields);
    } catch (ProposedChanges.Refused e) {
      throw new FormFieldValidationException(e.field, e.getMessage());
    }
  }
}
