package et.coffeeexport.domain;

/**
 * Everything that can happen to an export. Each is one chaincode transaction (named here, once: the
 * contract's method, the connector's call and the workflow's step all take it from this table) and
 * one BPMN step.
 */
public enum ExportAction {
  SUBMIT("createExport"),
  VERIFY_AT_BANK("verifyAtBank"),
  APPROVE_COMPLIANCE("approveCompliance"),
  CERTIFY_QUALITY("certifyQuality"),
  /**
   * Above the four-eyes threshold, a National Bank officer's approval is a recommendation: the
   * export stays where it is until a supervisor who is someone else approves.
   */
  RECOMMEND_FOREIGN_EXCHANGE("approveForeignExchange"),
  APPROVE_FOREIGN_EXCHANGE("approveForeignExchange"),
  CLEAR_CUSTOMS("clearCustoms"),
  BOOK_SHIPMENT("bookShipment"),
  SHIP("ship"),
  RECORD_TRACKING_MILESTONE("recordTrackingMilestone"),
  CONFIRM_ARRIVAL("confirmArrival"),
  RECORD_REPATRIATION("recordRepatriation"),
  RETURN_FOR_AMENDMENT("returnForAmendment"),
  AMEND("amendExport"),
  REJECT("rejectExport"),
  CANCEL("cancelExport"),
  /**
   * National Bank finds the proceeds overdue after the recorded deadline: oversight, the export
   * stays where it is and its exporter becomes delinquent.
   */
  MARK_REPATRIATION_OVERDUE("markRepatriationOverdue"),
  /**
   * ECTA moves the shipment deadline recorded at contract registration to a later date, once the
   * deadline passed (or nears): oversight, the export stays where it is and only its fact {@link
   * ExportFacts#SHIPMENT_DUE} changes.
   */
  EXTEND_SHIPMENT_DEADLINE("extendShipmentDeadline");

  private final String transaction;

  ExportAction(String transaction) {
    this.transaction = transaction;
  }

  /**
   * The {@code ExportContract} transaction that takes this action. A recommendation is the same
   * transaction as the approval: the chaincode tells them apart by the four-eyes rule.
   */
  public String transaction() {
    return transaction;
  }
}
