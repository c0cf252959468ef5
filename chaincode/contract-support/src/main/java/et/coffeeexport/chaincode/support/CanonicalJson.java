package et.coffeeexport.chaincode.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * JSON that is byte-identical on every endorsing peer: properties and map entries sorted by key, no indentation,
 * UTF-8. Endorsements from different peers only match when their write sets are identical bytes.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private CanonicalJson() {}

  /** Serialises {@code value} canonically. */
  public static byte[] toBytes(Object value) {
    try {
      Object sorted = value instanceof JsonNode node ? sortedTree(node) : value;
      return MAPPER.writeValueAsString(sorted).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value cannot be serialised", e);
    }
  }

  /** Parses a JSON object supplied by a caller; anything else is a {@link ContractError#INVALID_ARGUMENT}. */
  public static ObjectNode parseObject(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // fall through to the stable error below: the parser's message is not part of the contract
    }
    throw ContractError.INVALID_ARGUMENT.exception(what + " must be a JSON object");
  }

  /** Reads back a value this class wrote. */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored value is not valid JSON for " + type.getSimpleName(), e);
    }
  }

  // ObjectNode keeps insertion order; SORT_PROPERTIES only applies to beans, so trees are rebuilt sorted.
  private static JsonNode sortedTree(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = MAPPER.createObjectNode();
      java.util.List<String> names = new java.util.ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      java.util.Collections.sort(names);
      for (String name : names) {
        sorted.set(name, sortedTree(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      com.fasterxml.jackson.databind.node.ArrayNode array = MAPPER.createArrayNode();
      node.forEach(element -> array.add(sortedTree(element)));
      return array;
    }
    return node;
  }
}
