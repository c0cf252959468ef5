package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The APIs' JSON bodies read field by field into the domain's records before anything is claimed,
 * started or sent to the ledger: a refusal (400) names the field; the chaincode checks the values.
 */
public final class JsonBodies {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private JsonBodies() {}

  /** The names a request or terms object must carry: the domain record's, but the salt. */
  static List<String> required(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .filter(name -> !name.equals("salt"))
        .toList();
  }

  /**
   * Reads {@code node} into {@code type}: every field of the record (but a salt) required, of its
   * JSON type, nothing else accepted; a refusal (400) names the field ({@code what.field}).
   */
  public static <T extends Record> T read(JsonNode node, Class<T> type, String what) {
    ObjectNode object = object(node, what);
    List<String> missing =
        required(type).stream().filter(name -> !object.hasNonNull(name)).toList();
    if (!missing.isEmpty()) {
      throw new ApiProblems.BadRequest(
          missing.stream().map(name -> what + "." + name).collect(Collectors.joining(", "))
              + (missing.size() == 1 ? " is" : " are")
              + " required");
    }
    try {
      return STRICT.treeToValue(object, type);
    } catch (UnrecognizedPropertyException e) {
      throw new ApiProblems.BadRequest(field(what, e) + " is not a field of " + what);
    } catch (JsonMappingException e) {
      throw new ApiProblems.BadRequest(field(what, e) + " has the wrong type or is out of range");
    } catch (JsonProcessingException e) {
      throw new ApiProblems.BadRequest(what + " holds a value out of range");
    }
  }

  /** The dotted name of the field a mapping failed at, never the Java type behind it. */
  private static String field(String what, JsonMappingException e) {
    return what
        + e.getPath().stream()
            .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining());
  }

  /** {@code node} as an object; 400 naming {@code what} otherwise. */
  public static ObjectNode object(JsonNode node, String what) {
    if (!node.isObject()) {
      throw new ApiProblems.BadRequest(what + " is required and must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
