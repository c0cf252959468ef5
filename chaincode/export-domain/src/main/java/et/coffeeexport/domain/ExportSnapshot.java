package et.coffeeexport.domain;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An export as every organisation sees it on the ledger, in the form the chaincode stores and
 * answers it; the commercial terms are private and only their hash is here. The connector's typed
 * answers and the workflow read this record, so the shape exists once.
 *
 * @param ruleVersion the rule set the export was submitted (or last amended) under
 * @param facts what the stages recorded, by name ({@link ExportFacts}): contract registration
 *     number, grade, permit number, dates
 * @param decisions how many decisions the trail holds
 */
public record ExportSnapshot(
    String exportId,
    String exporterId,
    ExportStatus status,
    ExportStatus returnedFrom,
    int amendmentRounds,
    ExportRequest request,
    String termsHash,
    int ruleVersion,
    boolean reportedLate,
    SortedMap<String, String> facts,
    String createdAt,
    String updatedAt,
    int decisions) {

  /** Where the export stands, as the lifecycle reads it. */
  public ExportState state() {
    return new ExportState(status, returnedFrom, amendmentRounds);
  }

  /** A fact a stage recorded ({@link ExportFacts}), or null. */
  public String fact(String name) {
    return facts == null ? null : facts.get(name);
  }

  /** This export after a decision that moved it to {@code next} and recorded {@code more} facts. */
  public ExportSnapshot decided(ExportState next, Map<String, String> more, String at) {
    SortedMap<String, String> merged = new TreeMap<>(facts);
    merged.putAll(more);
    return new ExportSnapshot(
        exportId,
        exporterId,
        next.status(),
        next.returnedFrom(),
        next.amendmentRounds(),
        request,
        termsHash,
        ruleVersion,
        reportedLate,
        merged,
        createdAt,
        at,
        decisions + 1);
  }

  /**
   * This export as the regulators' oversight amends it: proceeds overdue (a fact), cancelled (at
   * {@code cancelledAt}, else null), the shipment deadline ECTA extended to ({@code shipmentDue},
   * else null), with the oversight's decisions counted.
   */
  public ExportSnapshot overseen(
      boolean repatriationOverdue, String cancelledAt, String shipmentDue, int oversightDecisions) {
    SortedMap<String, String> merged = new TreeMap<>(facts);
    if (repatriationOverdue) {
      merged.put(ExportFacts.REPATRIATION_OVERDUE, "true");
    }
    if (shipmentDue != null) {
      merged.put(ExportFacts.SHIPMENT_DUE, shipmentDue);
    }
    boolean cancelled = cancelledAt != null;
    return new ExportSnapshot(
        exportId,
        exporterId,
        cancelled ? ExportStatus.CANCELLED : status,
        cancelled ? null : returnedFrom,
        amendmentRounds,
        request,
        termsHash,
        ruleVersion,
        reportedLate,
        merged,
        createdAt,
        cancelled ? cancelledAt : updatedAt,
        Math.max(decisions, oversightDecisions));
  }

  /** This export with an amended request and terms, under rule set {@code version}. */
  public ExportSnapshot amended(
      ExportRequest newRequest, String newTermsHash, int version, boolean late) {
    return new ExportSnapshot(
        exportId,
        exporterId,
        status,
        returnedFrom,
        amendmentRounds,
        newRequest,
        newTermsHash,
        version,
        late,
        facts,
        createdAt,
        updatedAt,
        decisions);
  }
}
