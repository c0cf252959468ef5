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

/**
 * ECTA's answer to an overdue (or nearly overdue) shipment: a later deadline. Oversight, like a
 * cancellation: the new date is recorded on the export's oversight key, so the shipping stages'
 * record keeps demanding only their own peers, and every reader sees the export with the new date.
 */
final class ShipmentExtension {
  private final Transitions t;

  ShipmentExtension(Transitions t) {
    this.t = t;
  }

  String extend(String exportId, String extensionJson) {
    ExportContract.requireId(exportId);
    var replayed = t.replayed(exportId, ExportAction.EXTEND_SHIPMENT_DEADLINE);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Inputs.Extension extension =
        CanonicalJson.parse(extensionJson, Inputs.Extension.class, "extension").checked();
    List<String> reasons = extension.reasons();
    LocalDate requested = LocalDate.parse(extension.newShipmentDate());
    ExportSnapshot export = t.store.export(exportId);
    RuleSet rules = t.store.rulesOf(export);
    ExportState unchanged = t.decide(export, ExportAction.EXTEND_SHIPMENT_DEADLINE, rules);
    String recorded = export.fact(ExportFacts.SHIPMENT_DUE);
    if (recorded == null) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED, "no shipment deadline is recorded for " + exportId);
    }
    LocalDate current = LocalDate.parse(recorded);
    List<String> refused =
        Deadlines.shipmentExtensionViolations(current, requested, t.stub.getTxTimestamp(), rules);
    if (!refused.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", refused));
    }
    Map<String, String> facts = Map.of(ExportFacts.SHIPMENT_DUE, requested.toString());
    ExportSnapshot after = export.decided(unchanged, facts, t.now());
    t.record(
        export,
        after,
        ExportAction.EXTEND_SHIPMENT_DEADLINE.name(),
        reasons,
        rules,
        Transitions.Outcome.of(facts));
    Oversight seen = t.store.oversight(exportId);
    t.store.saveOversight(exportId, seen.shipmentExtended(requested.toString(), after.decisions()));
    return ExportStore.utf8(
        t.emit(Events.of(ExportAction.EXTEND_SHIPMENT_DEADLINE), CanonicalJson.toBytes(after)));
  }
}
