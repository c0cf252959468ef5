package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every limit of the domain's validation, tested at exactly the limit and one step beyond. */
class ValidationBoundariesTest {
  private final RuleSet rules = SampleRules.version(3);

  private static ExportTerms terms(
      String price, String buyerName, String buyerCountry, String paymentReference, String salt) {
    return new ExportTerms(
        price == null ? null : new BigDecimal(price),
        "BUYER-HAMBURG-1",
        buyerName,
        buyerCountry,
        PaymentMode.LETTER_OF_CREDIT,
        paymentReference,
        salt);
  }

  private static ExportTerms withPrice(String price) {
    return terms(price, "Hamburg Roasters GmbH", "DE", "LC-778812", "s".repeat(16));
  }

  private static final String PRICE =
      "pricePerLbUsd must be positive, below 1000 and have at most 4 decimals";

  @Test
  void aPriceMustBePositiveBelowOneThousandWithAtMostFourDecimals() {
    assertThat(withPrice("0.0001").violations(rules)).isEmpty();
    assertThat(withPrice("999.9999").violations(rules)).isEmpty();
    assertThat(withPrice("0").violations(rules)).containsExactly(PRICE);
    assertThat(withPrice("1000").violations(rules)).containsExactly(PRICE);
    assertThat(withPrice("1000.0000").violations(rules)).containsExactly(PRICE);
    assertThat(withPrice("3.12345").violations(rules)).containsExactly(PRICE);
    assertThat(withPrice(null).violations(rules)).containsExactly(PRICE);
  }

  @Test
  void aBuyerNameHasOneToTwoHundredCharacters() {
    String salt = "s".repeat(16);
    assertThat(terms("3.45", "B", "DE", "LC-1", salt).violations(rules)).isEmpty();
    assertThat(terms("3.45", "B".repeat(200), "DE", "LC-1", salt).violations(rules)).isEmpty();
    for (String name : new String[] {null, "", "   ", "B".repeat(201)}) {
      assertThat(terms("3.45", name, "DE", "LC-1", salt).violations(rules))
          .as("buyer name %s", name)
          .containsExactly("buyerName must be 1-200 characters");
    }
  }

  @Test
  void aBuyerCountryIsAnIsoAlpha2Code() {
    String salt = "s".repeat(16);
    for (String country : new String[] {null, "de", "DEU", "D"}) {
      assertThat(terms("3.45", "B", country, "LC-1", salt).violations(rules))
          .as("country %s", country)
          .containsExactly("buyerCountry must be ISO alpha-2");
    }
  }

  @Test
  void aPaymentReferenceHasOneToOneHundredCharacters() {
    String salt = "s".repeat(16);
    assertThat(terms("3.45", "B", "DE", "R".repeat(100), salt).violations(rules)).isEmpty();
    for (String reference : new String[] {null, "", " ", "R".repeat(101)}) {
      assertThat(terms("3.45", "B", "DE", reference, salt).violations(rules))
          .as("reference %s", reference)
          .containsExactly("paymentReference must be 1-100 characters");
    }
  }

  @Test
  void aSaltHasSixteenToOneHundredTwentyEightCharacters() {
    assertThat(terms("3.45", "B", "DE", "LC-1", "s".repeat(16)).violations(rules)).isEmpty();
    assertThat(terms("3.45", "B", "DE", "LC-1", "s".repeat(128)).violations(rules)).isEmpty();
    for (String salt : new String[] {null, "s".repeat(15), "s".repeat(129)}) {
      assertThat(terms("3.45", "B", "DE", "LC-1", salt).violations(rules))
          .as("salt of %s", salt == null ? "null" : salt.length())
          .containsExactly("salt must be 16-128 characters");
    }
  }

  @Test
  void aQuantityRunsFromOneKilogramToTheLargestPlausibleContract() {
    assertThat(ExportInputTest.request(1, "G2").violations(rules)).isEmpty();
    assertThat(ExportInputTest.request(ExportRequest.MAX_QUANTITY_KG, "G2").violations(rules))
        .isEmpty();
    assertThat(ExportInputTest.request(0, "G2").violations(rules))
        .containsExactly("quantityKg must be 1-6000000");
  }

  @Test
  void aRefusedGradeNamesTheGradesTheRuleSetAllows() {
    assertThat(ExportInputTest.request(100, "G9").violations(rules))
        .containsExactly("grade must be one of [G1, G2, G3, G4, G5]");
    ExportRequest r = ExportInputTest.request(100, "G2");
    ExportRequest ddp =
        new ExportRequest(
            r.exporterId(),
            r.contractNumber(),
            r.contractSignedAt(),
            r.contractDate(),
            r.destinationCountry(),
            r.quantityKg(),
            r.grade(),
            r.origin(),
            r.process(),
            "DDP");
    assertThat(ddp.violations(rules))
        .containsExactly("incoterm must be one of [CFR, CIF, CIP, CPT, DAP, EXW, FCA, FOB]");
  }

  @Test
  void amendmentRoundsRunFromZeroToTwenty() {
    assertThat(withRounds(0).violations()).isEmpty();
    assertThat(withRounds(20).violations()).isEmpty();
    assertThat(withRounds(-1).violations()).containsExactly("maxAmendmentRounds must be 0-20");
    assertThat(withRounds(21).violations()).containsExactly("maxAmendmentRounds must be 0-20");
  }

  @Test
  void theClockToleranceRunsFromZeroToOneDay() {
    assertThat(withTolerance(0).violations()).isEmpty();
    assertThat(withTolerance(1440).violations()).isEmpty();
    assertThat(withTolerance(-1).violations())
        .containsExactly("clockToleranceMinutes must be 0-1440");
    assertThat(withTolerance(1441).violations())
        .containsExactly("clockToleranceMinutes must be 0-1440");
  }

  @Test
  void gradesAtExactlyTheirThresholdScore() {
    assertThat(Grading.grade(31, 60, rules)).as("91 points").contains("G1");
    assertThat(Grading.grade(30, 60, rules)).as("90 points").contains("G2");
    assertThat(Grading.grade(21, 60, rules)).as("81 points").contains("G2");
    assertThat(Grading.grade(0, 58, rules)).as("58 points").contains("G5");
    assertThat(Grading.grade(0, 57, rules)).as("57 points").isEmpty();
  }

  @Test
  void scoresAreGradedOnlyWithinTheirRanges() {
    RuleSet withUndergrade = withThresholds(List.of(new RuleSet.GradeThreshold("UG", 0)));
    assertThat(Grading.grade(0, 0, withUndergrade)).contains("UG");
    assertThat(Grading.grade(40, 60, withUndergrade)).contains("UG");
    assertThat(Grading.grade(-1, 30, withUndergrade)).as("physical below 0").isEmpty();
    assertThat(Grading.grade(41, 30, withUndergrade)).as("physical above 40").isEmpty();
    assertThat(Grading.grade(20, -1, withUndergrade)).as("cup below 0").isEmpty();
    assertThat(Grading.grade(20, 61, withUndergrade)).as("cup above 60").isEmpty();
  }

  private RuleSet withRounds(int rounds) {
    RuleSet r = rules;
    return new RuleSet(
        r.version(),
        rounds,
        r.contractReportingHours(),
        r.shipmentPeriodDays(),
        r.repatriationPeriodMonths(),
        r.exportGrades(),
        r.gradeThresholds(),
        r.allowedPaymentModes(),
        r.fourEyesThresholdUsd(),
        r.requiredDocuments(),
        r.clockToleranceMinutes(),
        r.contractMaxAgeDays(),
        r.billOfLadingMaxAgeDays(),
        r.maxShipmentExtensionDays());
  }

  private RuleSet withTolerance(int minutes) {
    RuleSet r = rules;
    return new RuleSet(
        r.version(),
        r.maxAmendmentRounds(),
        r.contractReportingHours(),
        r.shipmentPeriodDays(),
        r.repatriationPeriodMonths(),
        r.exportGrades(),
        r.gradeThresholds(),
        r.allowedPaymentModes(),
        r.fourEyesThresholdUsd(),
        r.requiredDocuments(),
        minutes,
        r.contractMaxAgeDays(),
        r.billOfLadingMaxAgeDays(),
        r.maxShipmentExtensionDays());
  }

  private RuleSet withThresholds(List<RuleSet.GradeThreshold> thresholds) {
    RuleSet r = rules;
    return new RuleSet(
        r.version(),
        r.maxAmendmentRounds(),
        r.contractReportingHours(),
        r.shipmentPeriodDays(),
        r.repatriationPeriodMonths(),
        Set.of("UG"),
        thresholds,
        EnumSet.of(PaymentMode.ADVANCE_PAYMENT),
        BigDecimal.ONE,
        Map.of(),
        r.clockToleranceMinutes(),
        r.contractMaxAgeDays(),
        r.billOfLadingMaxAgeDays(),
        r.maxShipmentExtensionDays());
  }
}
