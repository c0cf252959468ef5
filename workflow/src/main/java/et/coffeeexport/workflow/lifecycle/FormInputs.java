package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;

/**
 * A task's inputs are its declared form fields ({@code camunda:formData}), checked when the task is
 * completed, however it is completed: Tasklist's form submission validates them too, but a plain
 * completion through the engine's API does not, and the delegates after the task read these values.
 * Required fields (always, or when {@code requiredWhen} holds), maximum lengths, enumerations,
 * dates ({@code format=date}), JSON objects or arrays, and a field's shape ({@link FormShapes}: the
 * typed members the task form assembled into the field's JSON, their ranges, patterns and lists)
 * are checked; a failure rolls the completion back and answers 400 through the engine REST API.
 */
final class FormInputs implements TaskListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void notify(DelegateTask task) {
    for (CamundaFormField field : declaredFields(task.getBpmnModelElementInstance())) {
      check(field, task.getVariable(field.getCamundaId()), task::getVariable);
    }
  }

  /** The form fields a task's model declares; none when it declares no form data. */
  static List<CamundaFormField> declaredFields(FlowElement element) {
    return FormFields.declared(element);
  }

  /** Checks a value with no other variable known (no condition holds, no shape by variable). */
  static void check(CamundaFormField field, Object value) {
    check(field, value, name -> null);
  }

  /** Checks {@code value} of {@code field}; {@code variables} are the task's, for conditions. */
  static void check(CamundaFormField field, Object value, Function<String, Object> variables) {
    String id = field.getCamundaId();
    String text = value == null ? null : value.toString();
    boolean blank = text == null || text.isBlank();
    boolean taken = FormFields.taken(field, variables);
    if (taken && blank && FormFields.required(field, variables)) {
      throw refused(id, "is required" + condition(field));
    }
    Optional<String> maxLength = FormFields.constraint(field, "maxlength");
    if (maxLength.isPresent()
        && text != null
        && text.length() > Integer.parseInt(maxLength.get())) {
      throw refused(id, "is longer than " + maxLength.get() + " characters");
    }
    if (blank) {
      return;
    }
    if (!taken) {
      throw refused(id, "is not taken here");
    }
    if (!(value instanceof String)) {
      throw refused(id, "must be text");
    }
    if ("enum".equals(field.getCamundaType())) {
      List<String> allowed =
          field.getCamundaValues().stream().map(CamundaValue::getCamundaId).toList();
      if (!allowed.contains(text)) {
        throw refused(id, "must be one of " + allowed);
      }
    }
    String format = FormFields.property(field, "format").orElse(null);
    if ("date".equals(format) && !FormShapes.isDate(text)) {
      throw refused(id, "must be a date (YYYY-MM-DD)");
    }
    Optional<JsonNode> shape = FormFields.shape(field, variables);
    if ("json-object".equals(format) || "json-array".equals(format)) {
      JsonNode parsed = json(id, text, format);
      shape
          .flatMap(s -> FormShapes.problem(s, parsed, id, LocalDate.now(ZoneOffset.UTC)))
          .ifPresent(
              problem -> {
                throw refused(problem);
              });
    } else if (shape.isPresent() && "lines".equals(shape.get().path("type").asText())) {
      FormShapes.lines(shape.get(), text, id)
          .ifPresent(
              problem -> {
                throw refused(problem);
              });
    }
  }

  private static JsonNode json(String id, String text, String format) {
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
    return parsed;
  }

  private static String condition(CamundaFormField field) {
    return FormFields.constraint(field, "required").isPresent()
        ? ""
        : FormFields.property(field, "requiredWhen")
            .map(c -> " when " + c.replace("=", " is ").replace("|", " or "))
            .orElse("");
  }

  private static FormFieldValidationException refused(String field, String why) {
    return new FormFieldValidationException(field, "form field " + field + " " + why);
  }

  /** A problem a shape found, which names the member's path (starting with the field's id). */
  private static FormFieldValidationException refused(String problem) {
    String field = problem.split("[ .\\[]", 2)[0];
    return new FormFieldValidationException(field, "form field " + problem);
  }
}
