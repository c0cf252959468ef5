package et.coffeeexport.domain;

import java.util.Optional;

/**
 * The names of the {@code coffee-export} chaincode's events: one event per transaction, named in
 * the past tense. The chaincode emits them; the read model dispatches on them. A name is spelled
 * here once, and {@link #text()} is what travels on the ledger.
 */
public enum EventName {
  EXPORT_SUBMITTED("ExportSubmitted", Subject.EXPORT),
  EXPORT_VERIFIED_AT_BANK("ExportVerifiedAtBank", Subject.EXPORT),
  EXPORT_COMPLIANCE_APPROVED("ExportComplianceApproved", Subject.EXPORT),
  EXPORT_QUALITY_CERTIFIED("ExportQualityCertified", Subject.EXPORT),
  EXPORT_FOREIGN_EXCHANGE_RECOMMENDED("ExportForeignExchangeRecommended", Subject.EXPORT),
  EXPORT_FOREIGN_EXCHANGE_APPROVED("ExportForeignExchangeApproved", Subject.EXPORT),
  EXPORT_CUSTOMS_CLEARED("ExportCustomsCleared", Subject.EXPORT),
  EXPORT_SHIPMENT_BOOKED("ExportShipmentBooked", Subject.EXPORT),
  EXPORT_SHIPPED("ExportShipped", Subject.EXPORT),
  EXPORT_TRACKING_MILESTONE_RECORDED("ExportTrackingMilestoneRecorded", Subject.EXPORT),
  EXPORT_ARRIVED("ExportArrived", Subject.EXPORT),
  EXPORT_COMPLETED("ExportCompleted", Subject.EXPORT),
  EXPORT_RETURNED_FOR_AMENDMENT("ExportReturnedForAmendment", Subject.EXPORT),
  EXPORT_AMENDED("ExportAmended", Subject.EXPORT),
  EXPORT_REJECTED("ExportRejected", Subject.EXPORT),
  EXPORT_CANCELLED("ExportCancelled", Subject.EXPORT),
  EXPORT_REPATRIATION_OVERDUE("ExportRepatriationOverdue", Subject.EXPORT),
  EXPORT_SHIPMENT_DEADLINE_EXTENDED("ExportShipmentDeadlineExtended", Subject.EXPORT),
  DOCUMENT_ANCHORED("DocumentAnchored", Subject.DOCUMENT),
  RULE_SET_PUBLISHED("RuleSetPublished", Subject.RULES),
  RULE_SET_PROPOSED("RuleSetProposed", Subject.RULES),
  RULE_SET_COSIGNED("RuleSetCosigned", Subject.RULES),
  RULE_SET_PROPOSAL_WITHDRAWN("RuleSetProposalWithdrawn", Subject.RULES),
  PRICE_FLOOR_PROPOSED("PriceFloorProposed", Subject.RULES),
  PRICE_FLOOR_COSIGNED("PriceFloorCosigned", Subject.RULES);

  /** What an event's payload is. */
  public enum Subject {
    /** The export as stored after the transaction (its status, decisions, facts). */
    EXPORT,
    /** A document's anchor: its export, type, CID and SHA-256. */
    DOCUMENT,
    /** A rule set or a minimum price: no export's state changes. */
    RULES
  }

  private final String text;
  private final Subject subject;

  EventName(String text, Subject subject) {
    this.text = text;
    this.subject = subject;
  }

  /** The name as the chaincode emits it. */
  public String text() {
    return text;
  }

  /** What the event's payload describes. */
  public Subject subject() {
    return subject;
  }

  /** The event a transaction taking {@code action} emits. */
  public static EventName of(ExportAction action) {
    return switch (action) {
      case SUBMIT -> EXPORT_SUBMITTED;
      case VERIFY_AT_BANK -> EXPORT_VERIFIED_AT_BANK;
      case APPROVE_COMPLIANCE -> EXPORT_COMPLIANCE_APPROVED;
      case CERTIFY_QUALITY -> EXPORT_QUALITY_CERTIFIED;
      case RECOMMEND_FOREIGN_EXCHANGE -> EXPORT_FOREIGN_EXCHANGE_RECOMMENDED;
      case APPROVE_FOREIGN_EXCHANGE -> EXPORT_FOREIGN_EXCHANGE_APPROVED;
      case CLEAR_CUSTOMS -> EXPORT_CUSTOMS_CLEARED;
      case BOOK_SHIPMENT -> EXPORT_SHIPMENT_BOOKED;
      case SHIP -> EXPORT_SHIPPED;
      case RECORD_TRACKING_MILESTONE -> EXPORT_TRACKING_MILESTONE_RECORDED;
      case CONFIRM_ARRIVAL -> EXPORT_ARRIVED;
      case RECORD_REPATRIATION -> EXPORT_COMPLETED;
      case RETURN_FOR_AMENDMENT -> EXPORT_RETURNED_FOR_AMENDMENT;
      case AMEND -> EXPORT_AMENDED;
      case REJECT -> EXPORT_REJECTED;
      case CANCEL -> EXPORT_CANCELLED;
      case MARK_REPATRIATION_OVERDUE -> EXPORT_REPATRIATION_OVERDUE;
      case EXTEND_SHIPMENT_DEADLINE -> EXPORT_SHIPMENT_DEADLINE_EXTENDED;
    };
  }

  /** The event named {@code text} exactly as the chaincode spells it; empty for any other name. */
  public static Optional<EventName> named(String text) {
    for (EventName name : values()) {
      if (name.text.equals(text)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
