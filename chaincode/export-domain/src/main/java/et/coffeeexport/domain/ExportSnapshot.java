package et.coffeeexport.domain;

import java.util.SortedMap;

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
}
