package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A decision's reasons, one per line of the form's {@code reasons} field, as the chaincode reads
 * them.
 */
final class Notes {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Notes() {}

  static String of(DelegateExecution execution) {
    return of(execution, java.util.List.of());
  }

  /**
   * The reasons, and each of {@code fields} (declared form fields, checked on completion) under its
   * own name when it was given.
   */
  static String of(DelegateExecution execution, java.util.List<String> fields) {
    Object reasons = execution.getVariable("reasons");
    var notes = JSON.createObjectNode();
    for (String field : fields) {
      Object value = execution.getVariable(field);
      if (value != null && !value.toString().isBlank()) {
        notes.put(field, value.toString().trim());
      }
    }
    var list = notes.putArray("reasons");
    if (reasons != null) {
      Arrays.stream(reasons.toString().split("\\R"))
          .map(String::trim)
          .filter(r -> !r.isEmpty())
          .forEach(list::add);
    }
    return notes.toString();
  }
}
