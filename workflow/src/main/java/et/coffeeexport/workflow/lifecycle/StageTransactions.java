package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.domain.ExportAction;
import java.util.Map;

/** The chaincode transaction that takes each lifecycle action. */
final class StageTransactions {
  private static final Map<ExportAction, String> TRANSACTION =
      Map.ofEntries(
          Map.entry(ExportAction.SUBMIT, "createExport"),
          Map.entry(ExportAction.VERIFY_AT_BANK, "verifyAtBank"),
          Map.entry(ExportAction.APPROVE_COMPLIANCE, "approveCompliance"),
          Map.entry(ExportAction.CERTIFY_QUALITY, "certifyQuality"),
          Map.entry(ExportAction.APPROVE_FOREIGN_EXCHANGE, "approveForeignExchange"),
          Map.entry(ExportAction.CLEAR_CUSTOMS, "clearCustoms"),
          Map.entry(ExportAction.BOOK_SHIPMENT, "bookShipment"),
          Map.entry(ExportAction.SHIP, "ship"),
          Map.entry(ExportAction.RECORD_TRACKING_MILESTONE, "recordTrackingMilestone"),
          Map.entry(ExportAction.CONFIRM_ARRIVAL, "confirmArrival"),
          Map.entry(ExportAction.RECORD_REPATRIATION, "recordRepatriation"),
          Map.entry(ExportAction.RETURN_FOR_AMENDMENT, "returnForAmendment"),
          Map.entry(ExportAction.AMEND, "amendExport"),
          Map.entry(ExportAction.REJECT, "rejectExport"),
          Map.entry(ExportAction.CANCEL, "cancelExport"));

  private StageTransactions() {}

  static String of(ExportAction action) {
    return TRANSACTION.get(action);
  }
}
