package et.coffeeexport.workflow.registration;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.Registration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * ECTA refuses an application only with reasons: the exporter reads them in its own view. Checked
 * when the review is completed, however it is completed (the form checks it too, the chaincode
 * again), so a refusal without them is answered at once rather than sent back by the ledger.
 */
@Component("refusalNeedsReasons")
class RefusalNeedsReasons implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    Object reasons = task.getVariable("reasons");
    if (Registration.Decision.REFUSE.name().equals(task.getVariable(ExportProcess.DECISION))
        && (reasons == null || reasons.toString().isBlank())) {
      throw new FormFieldValidationException(
          "reasons", "form field reasons is required to refuse: the exporter reads them");
    }
  }
}
