package et.coffeeexport.workflow.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class FilingTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static ObjectNode filing() {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("request")
        .put("exporterId", "EXPORTER-1")
        .put("contractNumber", "SC-1")
        .put("contractSignedAt", "2026-11-30T10:00:00Z")
        .put("contractDate", "2026-11-30")
        .put("destinationCountry", "DE")
        .put("quantityKg", 19200)
        .put("grade", "G2")
        .put("origin", "SIDAMA")
        .put("process", "WASHED")
        .put("incoterm", "FOB");
    body.putObject("terms")
        .put("pricePerLbUsd", 3.45)
        .put("buyerId", "BUYER-1")
        .put("buyerName", "Hamburg Roasters GmbH")
        .put("buyerCountry", "DE")
        .put("paymentMode", "LETTER_OF_CREDIT")
        .put("paymentReference", "LC-1");
    return body;
  }

  @Test
  void aCompleteFilingIsReadAndSaltedByThePlatform() {
    Filing filing = Filing.of(filing());
    assertThat(filing.request().quantityKg()).isEqualTo(19200);
    assertThat(filing.terms().salt()).hasSize(32);
    assertThat(filing.sealedTerms().path("salt").asText()).isEqualTo(filing.terms().salt());
    assertThat(Filing.of(filing()).terms().salt()).isNotEqualTo(filing.terms().salt());
  }

  @Test
  void aMissingPriceIsRefusedNamingTheField() {
    ObjectNode body = filing();
    ((ObjectNode) body.get("terms")).remove("pricePerLbUsd");
    assertThatThrownBy(() -> Filing.of(body))
        .isInstanceOf(ApiProblems.BadRequest.class)
        .hasMessage("terms.pricePerLbUsd is required");
  }

  @Test
  void aNullFieldIsMissingAndEveryMissingOneIsNamed() {
    ObjectNode body = filing();
    ((ObjectNode) body.get("request")).putNull("grade").remove("incoterm");
    assertThatThrownBy(() -> Filing.of(body))
        .hasMessage("request.grade, request.incoterm are required");
  }

  @Test
  void aFieldOfTheWrongTypeOrUnknownIsNamedWithoutJavaTypes() {
    ObjectNode wrong = filing();
    ((ObjectNode) wrong.get("request")).putObject("quantityKg");
    assertThatThrownBy(() -> Filing.of(wrong))
        .hasMessage("request.quantityKg has the wrong type or is out of range");
    ObjectNode unknown = filing();
    ((ObjectNode) unknown.get("terms")).put("discount", 3);
    assertThatThrownBy(() -> Filing.of(unknown))
        .hasMessage("terms.discount is not a field of terms");
    ObjectNode mode = filing();
    ((ObjectNode) mode.get("terms")).put("paymentMode", "BARTER");
    assertThatThrownBy(() -> Filing.of(mode)).hasMessageStartingWith("terms.paymentMode ");
  }

  @Test
  void aPriceOfAnyMagnitudeIsRefusedBeforeTheValueIsComputed() {
    for (String price : new String[] {"1E+999999999", "0", "-1", "1000", "1.00001"}) {
      ObjectNode body = filing();
      ((ObjectNode) body.get("terms")).put("pricePerLbUsd", new java.math.BigDecimal(price));
      assertThatThrownBy(() -> Filing.of(body))
          .as(price)
          .hasMessageStartingWith("terms.pricePerLbUsd must be positive");
    }
  }

  @Test
  void theExportersOwnSaltAndNonObjectsAreRefused() {
    ObjectNode salted = filing();
    ((ObjectNode) salted.get("terms")).put("salt", "chosen-by-the-exporter-0001");
    assertThatThrownBy(() -> Filing.of(salted)).hasMessageStartingWith("terms.salt");
    ObjectNode noTerms = filing();
    noTerms.put("terms", "cheap");
    assertThatThrownBy(() -> Filing.of(noTerms)).hasMessageStartingWith("terms is required");
    assertThatThrownBy(() -> Filing.of(JSON.createArrayNode()))
        .isInstanceOf(ApiProblems.BadRequest.class);
  }
}
