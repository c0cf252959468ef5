package et.coffeeexport.domain;

import java.math.BigDecimal;
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
    int maxShipmentExtensionDays) {

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
    return v.list();
  }

  /** The documents that must be anchored before {@code action} is taken. */
  public Set<DocumentType> documentsRequiredFor(ExportAction action) {
    return requiredDocuments.getOrDefault(action, Set.of());
  }
}
