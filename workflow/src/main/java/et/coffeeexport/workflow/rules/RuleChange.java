package et.coffeeexport.workflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.PaymentMode;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A rule an ECTA officer may change in a rule-set change, as the start form offers it: which rule
 * of the ledger's rule set it is, what its new value must look like (a whole number, an amount, a
 * list of names), and where it goes in the rule set. The form's enumeration lists exactly these
 * ({@code RuleChangeFormTest}). Ranges are the rule set's own ({@code RuleSet.violations}), checked
 * on the whole proposal.
 */
enum RuleChange {
  MAX_AMENDMENT_ROUNDS("maxAmendmentRounds", Kind.WHOLE),
  CONTRACT_REPORTING_HOURS("contractReportingHours", Kind.WHOLE),
  SHIPMENT_PERIOD_DAYS("shipmentPeriodDays", Kind.WHOLE),
  REPATRIATION_PERIOD_MONTHS("repatriationPeriodMonths", Kind.WHOLE),
  FOUR_EYES_THRESHOLD_USD("fourEyesThresholdUsd", Kind.AMOUNT),
  CLOCK_TOLERANCE_MINUTES("clockToleranceMinutes", Kind.WHOLE),
  CONTRACT_MAX_AGE_DAYS("contractMaxAgeDays", Kind.WHOLE),
  BILL_OF_LADING_MAX_AGE_DAYS("billOfLadingMaxAgeDays", Kind.WHOLE),
  MAX_SHIPMENT_EXTENSION_DAYS("maxShipmentExtensionDays", Kind.WHOLE),
  EXPORT_GRADES("exportGrades", Kind.GRADES),
  ALLOWED_PAYMENT_MODES("allowedPaymentModes", Kind.PAYMENT_MODES),
  MIN_SCORE_G1("G1", Kind.MIN_SCORE),
  MIN_SCORE_G2("G2", Kind.MIN_SCORE),
  MIN_SCORE_G3("G3", Kind.MIN_SCORE),
  MIN_SCORE_G4("G4", Kind.MIN_SCORE),
  MIN_SCORE_G5("G5", Kind.MIN_SCORE),
  MIN_SCORE_G6("G6", Kind.MIN_SCORE),
  MIN_SCORE_G7("G7", Kind.MIN_SCORE),
  MIN_SCORE_G8("G8", Kind.MIN_SCORE),
  MIN_SCORE_G9("G9", Kind.MIN_SCORE),
  REQUIRED_DOCUMENTS_VERIFY_AT_BANK("VERIFY_AT_BANK", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_APPROVE_COMPLIANCE("APPROVE_COMPLIANCE", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_CERTIFY_QUALITY("CERTIFY_QUALITY", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_APPROVE_FOREIGN_EXCHANGE("APPROVE_FOREIGN_EXCHANGE", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_CLEAR_CUSTOMS("CLEAR_CUSTOMS", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_BOOK_SHIPMENT("BOOK_SHIPMENT", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_SHIP("SHIP", Kind.DOCUMENTS),
  REQUIRED_DOCUMENTS_RECORD_REPATRIATION("RECORD_REPATRIATION", Kind.DOCUMENTS);

  /** The value a document rule takes to require nothing. */
  static final String NONE = "NONE";

  private final String target;
  private final Kind kind;

  RuleChange(String target, Kind kind) {
    this.target = target;
    this.kind = kind;
  }

  /** How a rule's value is written in the form. */
  enum Kind {
    WHOLE("a whole number"),
    AMOUNT("an amount in USD"),
    GRADES("grades G1-G9 or UG, separated by commas"),
    PAYMENT_MODES("payment modes " + names(PaymentMode.values()) + ", separated by commas"),
    MIN_SCORE("a whole number of points (0-100)"),
    DOCUMENTS("document types " + names(DocumentType.values()) + " separated by commas, or NONE");

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  /** The rule named {@code name} in the form; refuses any other. */
  static RuleChange named(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("is not a rule that can be changed");
    }
  }

  /**
   * The value as the rule set holds it, from the form's text; refuses text of the wrong kind,
   * naming what is expected.
   */
  JsonNode parse(String text) {
    String value = text == null ? "" : text.trim();
    try {
      return switch (kind) {
        case WHOLE -> JsonNodeFactory.instance.numberNode(Integer.parseInt(value));
        case MIN_SCORE -> {
          int score = Integer.parseInt(value);
          if (score < 0 || score > 100) {
            throw new IllegalArgumentException();
          }
          yield JsonNodeFactory.instance.numberNode(score);
        }
        case AMOUNT -> JsonNodeFactory.instance.numberNode(new BigDecimal(value));
        case GRADES -> names(value, name -> name.matches("G[1-9]|UG"));
        case PAYMENT_MODES -> names(value, name -> isOneOf(name, PaymentMode.values()));
        case DOCUMENTS ->
            NONE.equals(value)
                ? JsonNodeFactory.instance.arrayNode()
                : names(value, name -> isOneOf(name, DocumentType.values()));
      };
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("must be " + kind.expected);
    }
  }

  /** Sets this rule to {@code value} in {@code rules} (a rule set as JSON). */
  void apply(ObjectNode rules, JsonNode value) {
    switch (kind) {
      case MIN_SCORE -> setMinScore(rules.withArray("gradeThresholds"), value.intValue());
      case DOCUMENTS -> rules.with("requiredDocuments").set(target, value);
      default -> rules.set(target, value);
    }
  }

  /** This rule's value in {@code rules}, as the summary shows it; "none" when it has none. */
  String valueIn(JsonNode rules) {
    JsonNode value =
        switch (kind) {
          case MIN_SCORE -> minScore(rules.path("gradeThresholds"));
          case DOCUMENTS -> rules.path("requiredDocuments").path(target);
          default -> rules.path(target);
        };
    if (value.isMissingNode() || value.isNull()) {
      return "none";
    }
    if (value.isArray()) {
      List<String> names = new java.util.ArrayList<>();
      value.forEach(n -> names.add(n.asText()));
      return names.isEmpty() ? NONE : String.join(",", names);
    }
    return value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
  }

  /** Keeps the thresholds in grade order, best first, as the rule set requires. */
  private void setMinScore(ArrayNode thresholds, int score) {
    int position = 0;
    for (int i = 0; i < thresholds.size(); i++) {
      String grade = thresholds.get(i).path("grade").asText();
      if (grade.equals(target)) {
        ((ObjectNode) thresholds.get(i)).put("minScore", score);
        return;
      }
      if (grade.compareTo(target) < 0) {
        position = i + 1;
      }
    }
    thresholds.insert(
        position,
        JsonNodeFactory.instance.objectNode().put("grade", target).put("minScore", score));
  }

  private JsonNode minScore(JsonNode thresholds) {
    for (JsonNode t : thresholds) {
      if (t.path("grade").asText().equals(target)) {
        return t.path("minScore");
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static ArrayNode names(String value, java.util.function.Predicate<String> allowed) {
    Set<String> names = new LinkedHashSet<>();
    for (String part : value.split(",")) {
      String name = part.trim();
      if (!allowed.test(name) || !names.add(name)) {
        throw new IllegalArgumentException(name);
      }
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    names.forEach(array::add);
    return array;
  }

  private static boolean isOneOf(String name, Enum<?>[] values) {
    return Arrays.stream(values).anyMatch(v -> v.name().equals(name));
  }

  private static String names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList().toString();
  }
}
