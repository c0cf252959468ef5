package et.coffeeexport.workflow.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportTerms;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A filing's body, read field by field before anything is claimed or started: every field the
 * domain's request and terms have is required (but the salt, which the platform adds), of its JSON
 * type, and nothing else is accepted. A refusal names the field ({@code terms.pricePerLbUsd}); the
 * chaincode checks the values.
 *
 * @param sealedTerms the terms as sent, with the platform's fresh salt
 */
record Filing(ExportRequest request, ExportTerms terms, ObjectNode sealedTerms) {
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
    ObjectNode sealed = salted(JsonBodies.object(terms, "terms"));
    ExportTerms parsed = JsonBodies.read(sealed, ExportTerms.class, "terms");
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
    ExportRequest request = JsonBodies.read(node, ExportRequest.class, "request");
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
