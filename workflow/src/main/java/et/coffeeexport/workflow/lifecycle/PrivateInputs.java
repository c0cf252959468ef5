package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.workflow.WorkflowSchema;
import java.util.Optional;
import javax.sql.DataSource;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Form fields the model marks {@code private} (a repatriated amount: private to the collection's
 * members, DOMAIN.md "Privacy") are sent as transient variables, which the engine never stores, and
 * kept here for the asynchronous ledger step after the task, under that step's key. The write joins
 * the completion's transaction; the step takes the value and forgets it once it is done. A private
 * field sent as an ordinary variable is refused before anything is stored.
 */
@Component
class PrivateInputs implements TaskListener {
  static final String PRIVATE = "private";

  private final JdbcTemplate jdbc;

  /** The table is the workflow's ({@link WorkflowSchema}), migrated when the application starts. */
  PrivateInputs(DataSource db) {
    this.jdbc = new JdbcTemplate(db);
  }

  @Override
  public void notify(DelegateTask task) {
    for (CamundaFormField field : FormInputs.declaredFields(task.getBpmnModelElementInstance())) {
      if (!isPrivate(field)) {
        continue;
      }
      var value = task.getVariableTyped(field.getCamundaId());
      if (value == null || value.getValue() == null) {
        continue;
      }
      if (!value.isTransient()) {
        throw new FormFieldValidationException(
            field.getCamundaId(),
            "form field "
                + field.getCamundaId()
                + " is private: send it as a transient variable (valueInfo.transient=true)");
      }
      jdbc.update(
          "INSERT INTO private_input (step_key, field, value) VALUES (?,?,?) "
              + "ON CONFLICT (step_key, field) DO UPDATE SET value = EXCLUDED.value, kept_at = now()",
          task.getId(),
          field.getCamundaId(),
          value.getValue().toString());
    }
  }

  /** The private value kept for the step with {@code stepKey}. */
  Optional<String> of(String stepKey, String field) {
    if (stepKey == null) {
      return Optional.empty();
    }
    return jdbc
        .queryForList(
            "SELECT value FROM private_input WHERE step_key = ? AND field = ?",
            String.class,
            stepKey,
            field)
        .stream()
        .findFirst();
  }

  /** The step is done (decided or refused): nothing of it is kept. */
  void forget(String stepKey) {
    if (stepKey != null) {
      jdbc.update("DELETE FROM private_input WHERE step_key = ?", stepKey);
    }
  }

  static boolean isPrivate(CamundaFormField field) {
    return field.getCamundaProperties() != null
        && field.getCamundaProperties().getCamundaProperties().stream()
            .anyMatch(p -> PRIVATE.equals(p.getCamundaId()) && "true".equals(p.getCamundaValue()));
  }
}
