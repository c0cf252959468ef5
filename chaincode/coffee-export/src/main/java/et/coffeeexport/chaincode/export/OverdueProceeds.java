package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.Deadlines;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** National Bank's watchdog over the repatriation deadline recorded when the goods shipped. */
final class OverdueProceeds {
  private final Transitions t;

  OverdueProceeds(Transitions t) {
    this.t = t;
  }

  /**
   * Marks the proceeds overdue and, in the same transaction, the exporter delinquent in the
   * registry, whatever its standing. Marking an export already marked changes nothing, so a retry
   * converges.
   */
  String mark(String exportId) {
    ExportContract.requireId(exportId);
    var replayed = t.replayed(exportId, ExportAction.MARK_REPATRIATION_OVERDUE);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    ExportSnapshot export = t.store.export(exportId);
    RuleSet rules = t.store.rulesOf(export);
    ExportState unchanged = t.allowed(export, ExportAction.MARK_REPATRIATION_OVERDUE, rules);
    if ("true".equals(export.fact(ExportFacts.REPATRIATION_OVERDUE))) {
      return ExportStore.utf8(CanonicalJson.toBytes(export));
    }
    LocalDate due = LocalDate.parse(export.fact(ExportFacts.REPATRIATION_DUE));
    if (!Deadlines.passed(due, t.stub.getTxTimestamp())) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED, "proceeds are not overdue before " + due.plusDays(1));
    }
    // The registry checks the officer and marks the exporter: the transaction's one call to it.
    t.registry.recordOverdueProceeds(export.exporterId(), exportId);
    Map<String, String> facts = Map.of(ExportFacts.REPATRIATION_OVERDUE, "true");
    ExportSnapshot after = export.decided(unchanged, facts, t.now());
    t.record(
        export,
        after,
        ExportAction.MARK_REPATRIATION_OVERDUE.name(),
        List.of("repatriation due " + due),
        rules,
        Transitions.Outcome.of(facts));
    // Oversight, not the shipping stages' record: National Bank does not advance a shipped export.
    Oversight seen = t.store.oversight(exportId);
    t.store.saveOversight(exportId, seen.repatriationOverdue(t.now(), after.decisions()));
    return ExportStore.utf8(
        t.emit(Events.of(ExportAction.MARK_REPATRIATION_OVERDUE), CanonicalJson.toBytes(after)));
  }
}
