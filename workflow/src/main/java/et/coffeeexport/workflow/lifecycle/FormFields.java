package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaConstraint;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormData;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * A user task's declared inputs ({@code camunda:formData}) as one reading for the check on
 * completion ({@link FormInputs}) and for the task form that renders them: each field's
 * constraints, its {@code format}, the condition that makes it required ({@code requiredWhen}, such
 * as {@code decision=RETURN|REJECT}) and its shape ({@code shape}, or {@code shapeBy} a variable
 * the calling model sets, with {@code shape.<value>} per value: the stage review's record is ECX's
 * laboratory results or Customs' declaration).
 */
public final class FormFields {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FormFields() {}

  /** The form fields a task's model declares; none when it declares no form data. */
  public static List<CamundaFormField> declared(FlowElement element) {
    return Extensions.of(element, CamundaFormData.class).stream()
        .flatMap(d -> d.getCamundaFormFields().stream())
        .toList();
  }

  /** A {@code camunda:property} of the field, or empty. */
  static Optional<String> property(CamundaFormField field, String name) {
    if (field.getCamundaProperties() == null) {
      return Optional.empty();
    }
    return field.getCamundaProperties().getCamundaProperties().stream()
        .filter((CamundaProperty p) -> name.equals(p.getCamundaId()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }

  /** A {@code camunda:constraint}'s config ("" for one without), or empty when not declared. */
  static Optional<String> constraint(CamundaFormField field, String name) {
    if (field.getCamundaValidation() == null) {
      return Optional.empty();
    }
    return field.getCamundaValidation().getCamundaConstraints().stream()
        .filter((CamundaConstraint c) -> name.equals(c.getCamundaName()))
        .map(c -> c.getCamundaConfig() == null ? "" : c.getCamundaConfig())
        .findFirst();
  }

  /**
   * Whether the field must be given: always ({@code required}), or when the condition of {@code
   * requiredWhen} holds for the task's variables ({@code name=A|B}: the variable is A or B).
   */
  static boolean required(CamundaFormField field, Function<String, Object> variables) {
    if (constraint(field, "required").isPresent()) {
      return true;
    }
    return property(field, "requiredWhen").map(c -> holds(c, variables)).orElse(false);
  }

  private static boolean holds(String condition, Function<String, Object> variables) {
    int eq = condition.indexOf('=');
    if (eq < 0) {
      throw new IllegalStateException("requiredWhen must read name=value|value: " + condition);
    }
    Object value = variables.apply(condition.substring(0, eq).trim());
    return value != null
        && Arrays.asList(condition.substring(eq + 1).split("\\|")).contains(value.toString());
  }

  /**
   * The field's shape for this task: named by {@code shape}, or by {@code shape.<value>} for the
   * value of the variable {@code shapeBy} names. Empty when the field has none here (then a field
   * with {@code shapeBy} is not taken at all).
   */
  static Optional<JsonNode> shape(CamundaFormField field, Function<String, Object> variables) {
    Optional<String> by = property(field, "shapeBy");
    Optional<String> name =
        by.isPresent()
            ? Optional.ofNullable(variables.apply(by.get()))
                .flatMap(v -> property(field, "shape." + v))
            : property(field, "shape");
    return name.map(
        n ->
            FormShapes.named(n)
                .orElseThrow(() -> new IllegalStateException("no form shape named " + n)));
  }

  /** Whether the field is taken from a person here: not a shaped-by field without a shape. */
  static boolean taken(CamundaFormField field, Function<String, Object> variables) {
    return property(field, "shapeBy").isEmpty() || shape(field, variables).isPresent();
  }

  /**
   * The task's fields as its form renders them: id, label, type, enumeration values, whether always
   * required, the condition that requires it, maximum length, format, whether private or read-only,
   * the value a read-only or prefilled field shows, and its shape for this task. Fields the task
   * does not take here are left out.
   */
  public static ArrayNode describe(FlowElement element, Function<String, Object> variables) {
    ArrayNode fields = JSON.createArrayNode();
    for (CamundaFormField field : declared(element)) {
      if (!taken(field, variables)) {
        continue;
      }
      ObjectNode f = fields.addObject();
      f.put("id", field.getCamundaId());
      f.put("label", field.getCamundaLabel());
      f.put("type", field.getCamundaType());
      if ("enum".equals(field.getCamundaType())) {
        ArrayNode values = f.putArray("values");
        field
            .getCamundaValues()
            .forEach(
                v ->
                    values.addObject().put("id", v.getCamundaId()).put("name", v.getCamundaName()));
      }
      f.put("required", constraint(field, "required").isPresent());
      property(field, "requiredWhen").ifPresent(c -> f.put("requiredWhen", c));
      constraint(field, "maxlength").ifPresent(m -> f.put("maxLength", Integer.parseInt(m)));
      property(field, "format").ifPresent(v -> f.put("format", v));
      property(field, "enteredThrough").ifPresent(v -> f.put("enteredThrough", v));
      f.put("private", PrivateInputs.isPrivate(field));
      // What a person signs as it stands (a proposal's reasons) is shown, never taken; a revision
      // starts from what was sent (prefill). Nothing else is preset: a decision has no default.
      boolean readOnly = constraint(field, "readonly").isPresent();
      f.put("readOnly", readOnly);
      if (readOnly || property(field, "prefill").isPresent()) {
        Object value = variables.apply(field.getCamundaId());
        if (value != null) {
          f.put("value", value.toString());
        }
      }
      shape(field, variables).ifPresent(s -> f.set("shape", s));
    }
    return fields;
  }
}
