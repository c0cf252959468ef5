package et.coffeeexport.domain;

/** Everything that can happen to an export. Each is one chaincode transaction and one BPMN step. */
public enum ExportAction {
  SUBMIT,
  VERIFY_AT_BANK,
  APPROVE_COMPLIANCE,
  CERTIFY_QUALITY,
  /**
   * Above the four-eyes threshold, a National Bank officer's approval is a recommendation: the
   * export stays where it is until a supervisor who is someone else approves.
   */
  RECOMMEND_FOREIGN_EXCHANGE,
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
  CANCEL,
  /**
   * National Bank finds the proceeds overdue after the recorded deadline: oversight, the export
   * stays where it is and its exporter becomes delinquent.
   */
  MARK_REPATRIATION_OVERDUE
}
