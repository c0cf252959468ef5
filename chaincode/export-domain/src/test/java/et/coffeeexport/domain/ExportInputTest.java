package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExportInputTest {
  private static final RuleSet RULES = SampleRules.version(3);

  static ExportRequest request(long quantityKg, String grade) {
    return new ExportRequest(
        "EXPORTER-1",
        "SC-2026-001",
        "2026-11-20T08:00:00Z",
        "2026-11-20",
        "DE",
        quantityKg,
        grade,
        "SIDAMA",
        "WASHED",
        "FOB");
  }

  static ExportTerms terms(String price, PaymentMode mode) {
    return new ExportTerms(
        new BigDecimal(price),
        "BUYER-HAMBURG-1",
        "Hamburg Roasters GmbH",
        "DE",
        mode,
        "LC-778812",
        "c2FsdHNhbHRzYWx0c2FsdA");
  }

  @Test
  void acceptsAWellFormedRequestAndTerms() {
    assertThat(request(19_200, "G2").violations(RULES)).isEmpty();
    assertThat(terms("3.45", PaymentMode.LETTER_OF_CREDIT).violations(RULES)).isEmpty();
  }

  @Test
  void refusesNegativeZeroAndAbsurdQuantities() {
    for (long q : new long[] {-1, 0, ExportRequest.MAX_QUANTITY_KG + 1, Long.MAX_VALUE}) {
      assertThat(request(q, "G2").violations(RULES)).anyMatch(v -> v.startsWith("quantityKg"));
    }
  }

  @Test
  void refusesGradesTheRuleSetDoesNotAllowForExport() {
    assertThat(request(100, "G9").violations(RULES))
        .anyMatch(v -> v.startsWith("grade must be one of"));
    assertThat(request(100, null).violations(RULES)).anyMatch(v -> v.startsWith("grade"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    var bad =
        new ExportRequest(
            "bad id", null, "yesterday", "20/11/2026", "Germany", 0, "G2", "sidama", "DRY", "XYZ");
    assertThat(bad.violations(RULES)).hasSize(9);
  }

  @Test
  void refusesPaymentModesTheRuleSetDoesNotAllow() {
    assertThat(terms("3.45", PaymentMode.CONSIGNMENT).violations(RULES))
        .containsExactly("paymentMode is not allowed by rule set 3");
  }

  @Test
  void refusesUnsaltedOrAbsurdTerms() {
    var unsalted =
        new ExportTerms(
            new BigDecimal("3.45"),
            "BUYER-1",
            "B",
            "DE",
            PaymentMode.ADVANCE_PAYMENT,
            "R",
            "short");
    assertThat(unsalted.violations(RULES)).containsExactly("salt must be 16-128 characters");
    assertThat(terms("3.45", PaymentMode.ADVANCE_PAYMENT).withSalt("x").violations(RULES))
        .hasSize(1);
    var anonymous =
        new ExportTerms(
            new BigDecimal("3.45"),
            "no buyer id",
            "B",
            "DE",
            PaymentMode.ADVANCE_PAYMENT,
            "R",
            "c2FsdHNhbHRzYWx0c2FsdA");
    assertThat(anonymous.violations(RULES)).containsExactly("buyerId must be an identifier");
    assertThat(terms("-1", PaymentMode.ADVANCE_PAYMENT).violations(RULES)).hasSize(1);
    assertThat(terms("1.23456", PaymentMode.ADVANCE_PAYMENT).violations(RULES)).hasSize(1);
  }

  @Test
  void computesTheContractValueInDollars() {
    // 19,200 kg = 42,328.754 lb, at 3.45 USD/lb = 146,034.2023
    assertThat(terms("3.45", PaymentMode.LETTER_OF_CREDIT).valueUsd(19_200))
        .isEqualByComparingTo("146034.20");
  }
}
