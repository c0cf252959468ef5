package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportTerms;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A filing's body, read field by field before anything is claimed or started: every field the
 * domain's request and terms have is required (but the salt, which the platform adds), of its JSON
 * type, and nothing else is accepted. A refusal names the field ({@code terms.pricePerLbUsd}); the
 * chaincode checks the values.
 *
 * @param sealedTerms the terms as sent, with the platform's fresh salt
 */
record Filing(ExportRequest request, ExportTerms terms, ObjectNode sealedTerms) {
  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000");

  static Filing of(JsonNode body) {
    if (!body.isObject()) {
      throw new ApiProblems.BadRequest("the body must be a JSON object with request and terms");
    }
    JsonNode terms = body.path("terms");
    if (terms.has("salt")) {
      throw new ApiProblems.BadRequest(
          "terms.salt is not accepted: the platform salts the terms' public hash itself");
    }
    ExportRequest request = request(body.path("request"));
    ObjectNode sealed = salted(object(terms, "terms"));
    ExportTerms parsed = read(sealed, ExportTerms.class, "terms");
    BigDecimal price = parsed.pricePerLbUsd();
    // The chaincode's own rule, checked before anything is claimed or started: a price of any
    // magnitude (1E+999999999) is refused here, naming the field, before arithmetic meets it.
    if (price.signum() <= 0 || price.compareTo(MAX_PRICE) >= 0 || price.scale() > 4) {
      throw new ApiProblems.BadRequest(
          "terms.pricePerLbUsd must be positive, below 1000 and have at most 4 decimals");
    }
    return new Filing(request, parsed, sealed);
  }

  /**
   * An export request (filed, or amended), checked as {@link #of} checks a filing's. Its strings
   * are bounded too: the request travels as a process variable, which holds 4,000 characters.
   */
  static ExportRequest request(JsonNode node) {
    ExportRequest request = read(node, ExportRequest.class, "request");
    node.fields()
        .forEachRemaining(
            field -> {
              if (field.getValue().isTextual()
                  && field.getValue().asText().length() > MAX_REQUEST_TEXT) {
                throw new ApiProblems.BadRequest(
                    "request."
                        + field.getKey()
                        + " is longer than "
                        + MAX_REQUEST_TEXT
                        + " characters");
              }
            });
    return request;
  }

  /** The longest text of a request's field: identifiers, codes and dates, all shorter. */
  static final int MAX_REQUEST_TEXT = 64;

  /** The names a request or terms object must carry: the domain record's, but the salt. */
  static List<String> required(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents())
        .map(java.lang.reflect.RecordComponent::getName)
        .filter(name -> !name.equals("salt"))
        .toList();
  }

  private static <T extends Record> T read(JsonNode node, Class<T> type, String what) {
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

  private static ObjectNode object(JsonNode node, String what) {
    if (!node.isObject()) {
      throw new ApiProblems.BadRequest(what + " is required and must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * The terms with a fresh random salt: the ledger keeps their salted hash in public, and a salt
   * the exporter chose (or could guess) would let anyone test candidate prices against it.
   */
  private static ObjectNode salted(ObjectNode terms) {
    byte[] salt = new byte[24];
    RANDOM.nextBytes(salt);
    return terms
        .deepCopy()
        .put("salt", Base64.getUrlEncoder().withoutPadding().encodeToString(salt));
  }
}
