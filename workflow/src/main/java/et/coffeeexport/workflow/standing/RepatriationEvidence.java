package et.coffeeexport.workflow.standing;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RefusalCode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The evidence National Bank clears a delinquency on (DOMAIN.md: proceeds repatriated; the FX
 * directive's delinquent list): for the export the officer names and every export the registry
 * lists as overdue for that exporter, the ledger shows the proceeds came home: recorded by
 * Commercial Bank (the export {@code COMPLETED}) or a repatriation advice anchored on it. Each is
 * recorded with the change; anything missing is refused back to the officer, naming the export. The
 * registry records the evidence but cannot read exports, so this check is the workflow's.
 */
@Component
class RepatriationEvidence {
  private final CoffeeExportChaincode exports;
  private final UserManagementChaincode registry;
  private final SupportingDocuments documents;

  RepatriationEvidence(Ledger ledger, SupportingDocuments documents) {
    this.exports = ledger.coffeeExport();
    this.registry = ledger.userManagement();
    this.documents = documents;
  }

  /** The evidence lines for clearing {@code exporterId}, the export named {@code repatriated}. */
  List<String> of(Signatory bank, String exporterId, String repatriated) {
    if (repatriated.isBlank()) {
      throw missing("name the export whose proceeds came home (repatriatedExportId)");
    }
    Set<String> covered = new LinkedHashSet<>();
    covered.add(repatriated);
    covered.addAll(registry.readExporter(bank, exporterId).overdueExports());
    List<String> evidence = new ArrayList<>();
    for (String exportId : covered) {
      evidence.add(proceedsOf(bank, exporterId, exportId));
    }
    return evidence;
  }

  private String proceedsOf(Signatory bank, String exporterId, String exportId) {
    ExportSnapshot export = exports.readExport(bank, exportId);
    if (!exporterId.equals(export.exporterId())) {
      throw missing("export " + exportId + " is not an export of " + exporterId);
    }
    if (export.state().status() == ExportStatus.COMPLETED) {
      return "repatriation evidence: proceeds of "
          + exportId
          + " recorded on the ledger (COMPLETED)";
    }
    try {
      return "repatriation evidence: "
          + documents.anchored(bank, exportId, DocumentType.REPATRIATION_ADVICE);
    } catch (LedgerRefusal e) {
      throw missing(
          "the proceeds of "
              + exportId
              + " are not recorded and no repatriation advice is anchored on it");
    }
  }

  private static LedgerRefusal missing(String why) {
    return new LedgerRefusal(
        RefusalCode.PRECONDITION_FAILED, "no repatriation evidence to clear on: " + why);
  }
}
