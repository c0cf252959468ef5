package et.coffeeexport.chaincode.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.RefusalCode;

/**
 * JSON that is byte-identical on every endorsing peer: properties and map entries sorted by key, no
 * indentation, UTF-8. Endorsements from different peers only match when their write sets are
 * identical bytes.
 */
public final class CanonicalJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          // Trees keep insertion order unless told otherwise; caller-supplied JSON is stored as a
          // tree.
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          // {"a":1,"a":2} means different things to different parsers: refuse it rather than pick
          // one.
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // A decision without a workflow step key is stored as it was before step keys existed.
          .addMixIn(et.coffeeexport.domain.DecisionEntry.class, DecisionEntryJson.class)
          .build();

  /** How a trail entry is stored: its step key only when it has one. */
  private interface DecisionEntryJson {
    @com.fasterxml.jackson.annotation.JsonInclude(
        com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    String step();
  }

  private static final int MAX_INPUT_BYTES = 64 * 1024;

  private CanonicalJson() {}

  /** Serialises {@code value} canonically. */
  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("value cannot be serialised", e);
    }
  }

  /**
   * Parses a JSON object supplied by a caller; anything else is a {@link
   * RefusalCode#INVALID_ARGUMENT}.
   */
  public static ObjectNode parseObject(String json, String what) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node instanceof ObjectNode object) {
        return object;
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // fall through to the stable error below: the parser's message is not part of the contract
    }
    throw ContractError.of(RefusalCode.INVALID_ARGUMENT, what + " must be a JSON object");
  }

  /**
   * Parses a caller's JSON argument into {@code type}: at most 64 KiB, no unknown or duplicate
   * properties. Anything else is an {@link RefusalCode#INVALID_ARGUMENT} naming the argument.
   */
  public static <T> T parse(String json, Class<T> type, String what) {
    if (json == null || json.length() > MAX_INPUT_BYTES) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, what + " must be present and at most 64 KiB");
    }
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw ContractError.of(RefusalCode.INVALID_ARGUMENT, what + " must be a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, what + " is not valid: " + e.getOriginalMessage());
    }
  }

  /** Reads back a value this class wrote. */
  public static <T> T fromBytes(byte[] bytes, Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(
          "stored value is not valid JSON for " + type.getSimpleName(), e);
    }
  }
}
