package et.coffeeexport.chaincode.export;

import et.coffeeexport.domain.ExportAction;

/** The stable names of the chaincode events: one event per transaction, named in the past tense. */
final class Events {
  static final String DOCUMENT_ANCHORED = "DocumentAnchored";
  static final String RULE_SET_PUBLISHED = "RuleSetPublished";
  static final String PRICE_FLOOR_PROPOSED = "PriceFloorProposed";
  static final String PRICE_FLOOR_COSIGNED = "PriceFloorCosigned";
  static final String FOREIGN_EXCHANGE_RECOMMENDED = "ExportForeignExchangeRecommended";
  static final String REPATRIATION_OVERDUE = "ExportRepatriationOverdue";

  private Events() {}

  static String of(ExportAction action) {
    return switch (action) {
      case SUBMIT -> "ExportSubmitted";
      case VERIFY_AT_BANK -> "ExportVerifiedAtBank";
      case APPROVE_COMPLIANCE -> "ExportComplianceApproved";
      case CERTIFY_QUALITY -> "ExportQualityCertified";
      case RECOMMEND_FOREIGN_EXCHANGE -> FOREIGN_EXCHANGE_RECOMMENDED;
      case APPROVE_FOREIGN_EXCHANGE -> "ExportForeignExchangeApproved";
      case CLEAR_CUSTOMS -> "ExportCustomsCleared";
      case BOOK_SHIPMENT -> "ExportShipmentBooked";
      case SHIP -> "ExportShipped";
      case RECORD_TRACKING_MILESTONE -> "ExportTrackingMilestoneRecorded";
      case CONFIRM_ARRIVAL -> "ExportArrived";
      case RECORD_REPATRIATION -> "ExportCompleted";
      case RETURN_FOR_AMENDMENT -> "ExportReturnedForAmendment";
      case AMEND -> "ExportAmended";
      case REJECT -> "ExportRejected";
      case CANCEL -> "ExportCancelled";
      case MARK_REPATRIATION_OVERDUE -> REPATRIATION_OVERDUE;
    };
  }
}
