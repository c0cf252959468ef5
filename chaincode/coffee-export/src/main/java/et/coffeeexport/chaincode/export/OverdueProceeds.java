package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.Deadlines;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.RuleSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** National Bank's watchdog over the repatriation deadline recorded when the goods shipped. */
final class OverdueProceeds {
  static final String MARK_OVERDUE = "MARK_REPATRIATION_OVERDUE";
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
    if (t.caller.organisation() != Organisation.NATIONAL_BANK
        || (t.caller.role() != Role.OFFICER && t.caller.role() != Role.SUPERVISOR)) {
      throw ContractError.NOT_AUTHORISED.exception(
          "only National Bank officers mark proceeds overdue");
    }
    ExportRecord export = t.store.export(exportId);
    if ("true".equals(export.fact(ExportFacts.REPATRIATION_OVERDUE))) {
      return ExportStore.utf8(CanonicalJson.toBytes(export));
    }
    if (export.status() != ExportStatus.SHIPPED && export.status() != ExportStatus.ARRIVED) {
      throw ContractError.ILLEGAL_TRANSITION.exception(
          "proceeds are only awaited on shipped exports, not " + export.status());
    }
    LocalDate due = LocalDate.parse(export.fact(ExportFacts.REPATRIATION_DUE));
    if (!Deadlines.passed(due, t.stub.getTxTimestamp())) {
      throw ContractError.PRECONDITION_FAILED.exception(
          "proceeds are not overdue before " + due.plusDays(1));
    }
    // The registry checks the officer and marks the exporter: the transaction's one call to it.
    t.registry.recordOverdueProceeds(export.exporterId(), exportId);
    RuleSet rules = t.store.currentRules();
    Map<String, String> facts = Map.of(ExportFacts.REPATRIATION_OVERDUE, "true");
    ExportRecord after = export.decided(export.state(), facts, t.now());
    t.record(
        export,
        after,
        MARK_OVERDUE,
        List.of("repatriation due " + due),
        rules,
        Transitions.Outcome.of(facts));
    // Oversight, not the shipping stages' record: National Bank does not advance a shipped export.
    Oversight seen = t.store.oversight(exportId);
    t.store.saveOversight(
        exportId,
        new Oversight(seen.cancelledAt(), seen.cancelledInTx(), t.now(), after.decisions()));
    return ExportStore.utf8(t.emit(Events.REPATRIATION_OVERDUE, CanonicalJson.toBytes(after)));
  }
}
