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

  @Test
  void anAmendedRequestIsCheckedLikeAFiledOneAndItsTextsAreBounded() {
    ObjectNode request = (ObjectNode) filing().get("request");
    assertThat(Filing.request(request).grade()).isEqualTo("G2");
    request.put("grade", "G".repeat(Filing.MAX_REQUEST_TEXT + 1));
    assertThatThrownBy(() -> Filing.request(request))
        .hasMessage("request.grade is longer than 64 characters");
    request.remove("grade");
    assertThatThrownBy(() -> Filing.request(request)).hasMessage("request.grade is required");
  }

  @Test
  void reasonsAndReportsAreBoundedToWhatAProcessVariableHolds() {
    var reasons = JSON.createObjectNode();
    reasons.putArray("reasons").add("buyer withdrew").add("x".repeat(Notes.MAX_TEXT));
    assertThatThrownBy(() -> Notes.cancellation(reasons)).hasMessageContaining("longer than");
    var numbers = JSON.createObjectNode();
    numbers.putArray("reasons").add(7);
    assertThatThrownBy(() -> Notes.cancellation(numbers)).hasMessage("reasons must be strings");
    var fine = JSON.createObjectNode();
    fine.putArray("reasons").add("buyer withdrew");
    assertThat(Notes.cancellation(fine)).isSameAs(fine);
    assertThat(Notes.cancellation(JSON.createObjectNode())).isNotNull();
    var report = JSON.createObjectNode().put("event", "x".repeat(Notes.MAX_TEXT));
    assertThatThrownBy(() -> Notes.report(report)).hasMessageContaining("longer than");
    assertThatThrownBy(() -> Notes.report(JSON.createArrayNode()))
        .isInstanceOf(ApiProblems.BadRequest.class);
  }
}
