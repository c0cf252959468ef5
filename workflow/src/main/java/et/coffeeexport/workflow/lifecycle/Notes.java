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
    Object reasons = execution.getVariable("reasons");
    var notes = JSON.createObjectNode();
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
