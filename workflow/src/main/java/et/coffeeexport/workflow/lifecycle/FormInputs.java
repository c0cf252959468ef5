package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;

/**
 * A task's inputs are its declared form fields ({@code camunda:formData}), checked when the task is
 * completed, however it is completed: Tasklist's form submission validates them too, but a plain
 * completion through the engine's API does not, and the delegates after the task read these values.
 * Required fields, maximum lengths, enumerations, dates ({@code format=date}) and JSON objects or
 * arrays are checked; a failure rolls the completion back and answers 400 through the engine REST
 * API.
 */
final class FormInputs implements TaskListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    for (CamundaFormField field : declaredFields(task.getBpmnModelElementInstance())) {
      check(field, task.getVariable(field.getCamundaId()));
    }
  }

  /** The form fields a task's model declares; none when it declares no form data. */
  static List<CamundaFormField> declaredFields(FlowElement element) {
    return Extensions.of(element, CamundaFormData.class).stream()
        .flatMap(d -> d.getCamundaFormFields().stream())
        .toList();
  }

  static void check(CamundaFormField field, Object value) {
    String id = field.getCamundaId();
    String text = value == null ? null : value.toString();
    boolean blank = text == null || text.isBlank();
    if (field.getCamundaValidation() != null) {
      for (CamundaConstraint c : field.getCamundaValidation().getCamundaConstraints()) {
        if ("required".equals(c.getCamundaName()) && blank) {
          throw refused(id, "is required");
        }
        if ("maxlength".equals(c.getCamundaName())
            && text != null
            && text.length() > Integer.parseInt(c.getCamundaConfig())) {
          throw refused(id, "is longer than " + c.getCamundaConfig() + " characters");
        }
      }
    }
    if (blank) {
      return;
    }
    if (value != null && !(value instanceof String)) {
      throw refused(id, "must be text");
    }
    if ("enum".equals(field.getCamundaType())) {
      List<String> allowed =
          field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
      if (!allowed.contains(text)) {
        throw refused(id, "must be one of " + allowed);
      }
    }
    String format = format(field);
    if ("date".equals(format) && !isDate(text)) {
      throw refused(id, "must be a date (YYYY-MM-DD)");
    }
    if ("json-object".equals(format) || "json-array".equals(format)) {
      JsonNode parsed;
      try {
        parsed = JSON.readTree(text);
      } catch (Exception e) {
        throw refused(id, "is not JSON");
      }
      if ("json-object".equals(format) && (parsed == null || !parsed.isObject())) {
        throw refused(id, "must be a JSON object");
      }
      if ("json-array".equals(format) && (parsed == null || !parsed.isArray())) {
        throw refused(id, "must be a JSON array");
      }
    }
  }

  /** The field's {@code format} property ({@code json-object}, {@code json-array}), or null. */
  private static String format(CamundaFormField field) {
    if (field.getCamundaProperties() == null) {
      return null;
    }
    return field.getCamundaProperties().getCamundaProperties().stream()
        .filter((CamundaProperty p) -> "format".equals(p.getCamundaId()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst()
        .orElse(null);
  }

  /** An ISO calendar date as the chaincode reads it: four-digit year, a real day. */
  private static boolean isDate(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      java.time.LocalDate.parse(text);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static FormFieldValidationException refused(String field, String why) {
    return new FormFieldValidationException(field, "form field " + field + " " + why);
  }
}
