package et.coffeeexport.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that change with directives, as one versioned entry on the ledger. Every decision
 * records the version it applied. Minimum prices are separate entries ({@link PriceFloor}),
 * co-signed by ECTA and National Bank.
 *
 * @param version increases with every new rule set
 * @param contractReportingHours a contract must be reported within this many hours of signing (ECTA
 *     2020 directive)
 * @param shipmentPeriodDays shipment is due this many days after contract registration
 * @param repatriationPeriodMonths proceeds are due this many months after the bill-of-lading date
 * @param exportGrades the grades allowed for export ({@code G1}..{@code G9}, {@code UG})
 * @param gradeThresholds grade by minimum total score (physical + cup), best grade first
 * @param fourEyesThresholdUsd above this contract value a supervisor must co-approve foreign
 *     exchange
 * @param requiredDocuments what each action needs anchored before it can be taken (a stage's
 *     approval, shipping)
 * @param clockToleranceMinutes how far a stated time (contract signature) or date (contract, bill
 *     of lading) may lie after the transaction's own time: clocks of the parties differ
 * @param contractMaxAgeDays how old a contract may be when it is filed or amended
 * @param billOfLadingMaxAgeDays how old a bill of lading may be when the shipment is recorded: its
 *     date starts the repatriation period
 * @param maxShipmentExtensionDays how many days one extension by ECTA may move the recorded
 *     shipment deadline (each extension is a decision of its own on the trail)
 * @param effectiveDate the day (UTC) from which the rule set is in force for new filings; null only
 *     for the first rule set, in force from the ledger's start. Exports keep the version they were
 *     filed (or last amended) under ({@link ExportSnapshot#ruleVersion()})
 * @param directive the directive the change follows (its reference), as ECTA proposed it; null for
 *     the first rule set
 * @param proposedBy who proposed it for ECTA: the signer's user id, else their enrollment id; set
 *     by the ledger, never by the proposal ({@link RuleSetChange})
 * @param cosignedBy who co-signed it for National Bank, likewise; null until co-signed
 */
public record RuleSet(
    int version,
    int maxAmendmentRounds,
    int contractReportingHours,
    int shipmentPeriodDays,
    int repatriationPeriodMonths,
    Set<String> exportGrades,
    List<GradeThreshold> gradeThresholds,
    Set<PaymentMode> allowedPaymentModes,
    BigDecimal fourEyesThresholdUsd,
    Map<ExportAction, Set<DocumentType>> requiredDocuments,
    int clockToleranceMinutes,
    int contractMaxAgeDays,
    int billOfLadingMaxAgeDays,
    int maxShipmentExtensionDays,
    String effectiveDate,
    String directive,
    String proposedBy,
    String cosignedBy) {

  /** The longest directive reference a rule set carries. */
  public static final int MAX_DIRECTIVE_LENGTH = 500;

  /** The rules alone, not yet dated, proposed or co-signed. */
  public RuleSet(
      int version,
      int maxAmendmentRounds,
      int contractReportingHours,
      int shipmentPeriodDays,
      int repatriationPeriodMonths,
      Set<String> exportGrades,
      List<GradeThreshold> gradeThresholds,
      Set<PaymentMode> allowedPaymentModes,
      BigDecimal fourEyesThresholdUsd,
      Map<ExportAction, Set<DocumentType>> requiredDocuments,
      int clockToleranceMinutes,
      int contractMaxAgeDays,
      int billOfLadingMaxAgeDays,
      int maxShipmentExtensionDays) {
    this(
        version,
        maxAmendmentRounds,
        contractReportingHours,
        shipmentPeriodDays,
        repatriationPeriodMonths,
        exportGrades,
        gradeThresholds,
        allowedPaymentModes,
        fourEyesThresholdUsd,
        requiredDocuments,
        clockToleranceMinutes,
        contractMaxAgeDays,
        billOfLadingMaxAgeDays,
        maxShipmentExtensionDays,
        null,
        null,
        null,
        null);
  }

  /**
   * Keeps every collection in a fixed order: the rule set is stored as JSON on every peer, and a
   * hash-ordered set (of enums, whose hash codes differ between JVMs) would make peers write
   * different bytes for the same rules.
   */
  public RuleSet {
    exportGrades =
        exportGrades == null
            ? null
            : Collections.unmodifiableSortedSet(new TreeSet<>(exportGrades));
    allowedPaymentModes =
        allowedPaymentModes == null || allowedPaymentModes.isEmpty()
            ? allowedPaymentModes
            : Collections.unmodifiableSet(EnumSet.copyOf(allowedPaymentModes));
    if (requiredDocuments != null) {
      Map<ExportAction, Set<DocumentType>> ordered = new EnumMap<>(ExportAction.class);
      requiredDocuments.forEach(
          (action, types) ->
              ordered.put(
                  action,
                  types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types))));
      requiredDocuments = Collections.unmodifiableMap(ordered);
    }
  }

  /** A grade and the minimum total score (out of 100) that earns it. */
  public record GradeThreshold(String grade, int minScore) {}

  /** What is wrong with this rule set; empty when it can be put in force. */
  public List<String> violations() {
    Violations v = new Violations();
    v.check(version > 0, "version must be positive");
    v.check(maxAmendmentRounds >= 0 && maxAmendmentRounds <= 20, "maxAmendmentRounds must be 0-20");
    v.check(contractReportingHours > 0, "contractReportingHours must be positive");
    v.check(shipmentPeriodDays > 0, "shipmentPeriodDays must be positive");
    v.check(repatriationPeriodMonths > 0, "repatriationPeriodMonths must be positive");
    v.check(exportGrades != null && !exportGrades.isEmpty(), "exportGrades must not be empty");
    v.check(
        gradeThresholds != null && !gradeThresholds.isEmpty(), "gradeThresholds must not be empty");
    v.check(
        allowedPaymentModes != null && !allowedPaymentModes.isEmpty(),
        "allowedPaymentModes must not be empty");
    v.check(
        fourEyesThresholdUsd != null && fourEyesThresholdUsd.signum() > 0,
        "fourEyesThresholdUsd must be positive");
    v.check(requiredDocuments != null, "requiredDocuments must be present");
    v.check(
        clockToleranceMinutes >= 0 && clockToleranceMinutes <= 24 * 60,
        "clockToleranceMinutes must be 0-1440");
    v.check(contractMaxAgeDays > 0, "contractMaxAgeDays must be positive");
    v.check(billOfLadingMaxAgeDays > 0, "billOfLadingMaxAgeDays must be positive");
    v.check(
        maxShipmentExtensionDays > 0 && maxShipmentExtensionDays <= 365,
        "maxShipmentExtensionDays must be 1-365");
    v.check(
        exportGrades == null || exportGrades.stream().allMatch(g -> g != null && g.matches(GRADE)),
        "exportGrades must be G1-G9 or UG");
    v.check(
        gradesInOrder(),
        "gradeThresholds must list G1-G9 (then UG) best first, each below the one before");
    v.check(
        effectiveDate == null || ExportRequest.parsesAsDate(effectiveDate),
        "effectiveDate must be an ISO-8601 date");
    v.check(
        directive == null || directive.length() <= MAX_DIRECTIVE_LENGTH,
        "directive must be at most " + MAX_DIRECTIVE_LENGTH + " characters");
    return v.list();
  }

  private static final String GRADE = "G[1-9]|UG";

  /**
   * Thresholds in grade order with falling scores: then the best grade a score reaches is the first
   * it reaches, which is how a decision table with one row per grade reads them.
   */
  private boolean gradesInOrder() {
    if (gradeThresholds == null) {
      return true;
    }
    int lastGrade = 0;
    int lastScore = Integer.MAX_VALUE;
    for (GradeThreshold t : gradeThresholds) {
      if (t == null || t.grade() == null || !t.grade().matches(GRADE)) {
        return false;
      }
      int grade = t.grade().equals("UG") ? 10 : t.grade().charAt(1) - '0';
      if (grade <= lastGrade || t.minScore() >= lastScore || t.minScore() < 0) {
        return false;
      }
      lastGrade = grade;
      lastScore = t.minScore();
    }
    return true;
  }

  /** Whether the rule set is in force for what is filed on {@code day} (its version aside). */
  public boolean effectiveOn(LocalDate day) {
    return effectiveDate == null || !LocalDate.parse(effectiveDate).isAfter(day);
  }

  /** This rule set as the ledger records a proposal: by {@code signer}, not yet co-signed. */
  public RuleSet proposal(String signer) {
    return signed(signer, null);
  }

  /** This proposal as the ledger records it co-signed by {@code signer}. */
  public RuleSet cosigned(String signer) {
    return signed(proposedBy, signer);
  }

  private RuleSet signed(String proposer, String cosigner) {
    return new RuleSet(
        version,
        maxAmendmentRounds,
        contractReportingHours,
        shipmentPeriodDays,
        repatriationPeriodMonths,
        exportGrades,
        gradeThresholds,
        allowedPaymentModes,
        fourEyesThresholdUsd,
        requiredDocuments,
        clockToleranceMinutes,
        contractMaxAgeDays,
        billOfLadingMaxAgeDays,
        maxShipmentExtensionDays,
        effectiveDate,
        directive,
        proposer,
        cosigner);
  }

  /** The documents that must be anchored before {@code action} is taken. */
  public Set<DocumentType> documentsRequiredFor(ExportAction action) {
    return requiredDocuments.getOrDefault(action, Set.of());
  }
}
