package et.coffeeexport.chaincode.export;

import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.ExportStatus;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An export as every organisation sees it on the ledger. The commercial terms are private; {@code
 * termsHash} is the SHA-256 of their canonical form. Immutable; serialised canonically.
 *
 * @param ruleVersion the rule set the export was submitted (or last amended) under
 * @param facts what the stages recorded, by name: contract registration number, grade, permit
 *     number, dates
 * @param decisions how many decisions the trail holds
 */
record ExportRecord(
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

  ExportState state() {
    return new ExportState(status, returnedFrom, amendmentRounds);
  }

  String fact(String name) {
    return facts.get(name);
  }

  /** This export after a decision that moved it to {@code next} and recorded {@code more} facts. */
  ExportRecord decided(ExportState next, Map<String, String> more, String at) {
    SortedMap<String, String> merged = new TreeMap<>(facts);
    merged.putAll(more);
    return new ExportRecord(
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

  /** This export as the regulators' oversight record amends it (cancelled, proceeds overdue). */
  ExportRecord overseen(Oversight oversight) {
    SortedMap<String, String> merged = new TreeMap<>(facts);
    if (oversight.repatriationOverdueSince() != null) {
      merged.put(et.coffeeexport.domain.ExportFacts.REPATRIATION_OVERDUE, "true");
    }
    boolean cancelled = oversight.cancelledAt() != null;
    return new ExportRecord(
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
        cancelled ? oversight.cancelledAt() : updatedAt,
        Math.max(decisions, oversight.decisions()));
  }

  /** This export with an amended request and terms, under rule set {@code version}. */
  ExportRecord amended(ExportRequest newRequest, String newTermsHash, int version, boolean late) {
    return new ExportRecord(
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
