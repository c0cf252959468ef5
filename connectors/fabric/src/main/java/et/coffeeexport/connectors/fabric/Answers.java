package et.coffeeexport.connectors.fabric;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Reads the chaincode's JSON answers into the shared vocabulary's records. */
final class Answers {
  /** The chaincode may add fields; an older client reads what it knows. */
  static final ObjectMapper JSON =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Answers() {}

  static <T> T read(byte[] json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the chaincode answered something that is not a " + type.getSimpleName(), e);
    }
  }

  static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the chaincode answered something that is not JSON", e);
    }
  }

  static <T> T convert(JsonNode node, Class<T> type) {
    try {
      return JSON.treeToValue(node, type);
    } catch (IOException e) {
      throw new IllegalStateException(
          "the chaincode answered something that is not a " + type.getSimpleName(), e);
    }
  }
}
