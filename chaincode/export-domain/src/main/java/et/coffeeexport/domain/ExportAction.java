package et.coffeeexport.domain;

/** Everything that can happen to an export. Each is one chaincode transaction and one BPMN step. */
public enum ExportAction {
  SUBMIT,
  VERIFY_AT_BANK,
  APPROVE_COMPLIANCE,
  CERTIFY_QUALITY,
  APPROVE_FOREIGN_EXCHANGE,
  CLEAR_CUSTOMS,
  BOOK_SHIPMENT,
  SHIP,
  RECORD_TRACKING_MILESTONE,
  CONFIRM_ARRIVAL,
  RECORD_REPATRIATION,
  RETURN_FOR_AMENDMENT,
  AMEND,
  REJECT,
  CANCEL
}
