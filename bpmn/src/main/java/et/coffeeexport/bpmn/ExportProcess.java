package et.coffeeexport.bpmn;

import java.util.List;

/**
 * The names in the models that code and tests refer to: process keys, messages, the BPMN error,
 * variables, decision tables. One place, because a renamed element must break the build, not a
 * running process.
 */
public final class ExportProcess {
  private ExportProcess() {}

  public static final String KEY = "ExportLifecycle";
  public static final String STAGE_REVIEW = "StageReview";

  public static final List<String> RESOURCES =
      List.of(
          "processes/export-lifecycle.bpmn",
          "processes/stage-review.bpmn",
          "processes/price-floors.bpmn",
          "processes/exporter-standing.bpmn",
          "processes/exporter-delinquency.bpmn",
          "processes/buyer-blacklist.bpmn",
          "processes/cancellation-for-cause.bpmn",
          "processes/rule-set-change.bpmn",
          "processes/exporter-registration.bpmn",
          "decisions/grade.dmn",
          "decisions/fx-rules.dmn",
          "decisions/service-levels.dmn");

  /**
   * Messages the submission API and the shipping line correlate, by the export id as business key.
   */
  public static final String CANCEL_EXPORT = "CancelExport";

  public static final String TRACKING_MILESTONE = "TrackingMilestone";
  public static final String EXPORT_ARRIVED = "ExportArrived";

  /** The BPMN error a delegate throws when the chaincode refuses a decision. */
  public static final String LEDGER_REFUSED = "LEDGER_REFUSED";

  /** Variables. */
  public static final String EXPORT_ID = "exportId";

  public static final String EXPORTER_USER = "exporterUser";
  public static final String DECISION = "decision";
  public static final String OUTCOME = "outcome";
  public static final String LEDGER_REFUSAL = "ledgerRefusal";
  public static final String CONTRACT_REPORT_DUE = "contractReportDue";
  public static final String SHIPMENT_WARNING_AT = "shipmentWarningAt";
  public static final String SHIPMENT_DUE = "shipmentDue";
  public static final String REPATRIATION_DUE = "repatriationDue";

  /** Decisions a reviewing officer takes. */
  public enum Decision {
    APPROVE,
    RETURN,
    REJECT
  }

  /** The property naming the ledger action of a service task (and the approval of a stage). */
  public static final String LEDGER_ACTION = "ledgerAction";

  public static final String APPROVE_ACTION = "approveAction";

  /** The property naming the price-floor action of a service task ({@link PriceFloorAction}). */
  public static final String PRICE_FLOOR_ACTION = "priceFloorAction";

  /**
   * The property naming the registry action of a service task of the registration process (the
   * domain's {@code RegistryAction}).
   */
  public static final String REGISTRY_ACTION = "registryAction";

  /**
   * The properties that make a service task a ledger step, signed by whoever completed the task
   * before it: lifecycle actions, price-floor actions, the participant registry's standing,
   * blacklist and licence actions, and rule-set actions.
   */
  public static final List<String> LEDGER_STEP_PROPERTIES =
      List.of(
          LEDGER_ACTION,
          PRICE_FLOOR_ACTION,
          ExportProcess.STANDING_ACTION,
          ExportProcess.BLACKLIST_ACTION,
          ExportProcess.RULE_SET_ACTION,
          REGISTRY_ACTION);

  /** The daily minimum export prices: ECTA proposes, National Bank co-signs. */
  public static final String PRICE_FLOORS = "DailyPriceFloors";

  /** What a price-floor ledger step does. */
  public enum PriceFloorAction {
    PROPOSE,
    COSIGN
  }

  /** The day the process's prices take effect (ISO date), fixed when it starts. */
  public static final String EFFECTIVE_DATE = "effectiveDate";

  /** The ECTA officer's proposal: a JSON array of {grade, origin, process, minPricePerLbUsd}. */
  public static final String FLOORS_JSON = "floorsJson";

  /** National Bank's answer to a proposal. */
  public enum Cosignature {
    COSIGN,
    SEND_BACK
  }

  /**
   * A change of the rule set (deadlines, grades, documents, thresholds): an ECTA officer starts it
   * from Tasklist with the changes and the day they take effect, a National Bank supervisor
   * co-signs it or sends it back with reasons.
   */
  public static final String RULE_SET_CHANGE = "RuleSetChange";

  /** The property naming the rule-set action of a service task ({@link RuleSetAction}). */
  public static final String RULE_SET_ACTION = "ruleSetAction";

  /** What a rule-set ledger step does; WITHDRAW takes back a proposal ECTA gave up. */
  public enum RuleSetAction {
    PROPOSE,
    COSIGN,
    WITHDRAW
  }

  /** ECTA's answer to a change sent back or refused: propose it again (revised) or withdraw it. */
  public enum RuleSetRevision {
    PROPOSE_AGAIN,
    WITHDRAW
  }

  /** National Bank's co-signature of a proposed rule set, and ECTA's revision of one. */
  public static final String COSIGN_RULE_SET_CHANGE = "CosignRuleSetChange";

  public static final String REVISE_RULE_SET_CHANGE = "ReviseRuleSetChange";

  /** The start form: up to this many changes, each a rule and its new value. */
  public static final int MAX_RULE_CHANGES = 3;

  /** The form field naming the {@code n}-th changed rule (1-based). */
  public static String ruleField(int n) {
    return "rule" + n;
  }

  /** The form field holding the {@code n}-th rule's new value (1-based). */
  public static String newValueField(int n) {
    return "newValue" + n;
  }

  /** The directive the change follows (its reference). */
  public static final String DIRECTIVE = "directive";

  /** National Bank's reasons for sending a change back. */
  public static final String REASONS = "reasons";

  /** What the proposal step put on the ledger: its version and hash, which the co-sign names. */
  public static final String PROPOSED_VERSION = "proposedVersion";

  public static final String PROPOSAL_HASH = "proposalHash";

  /** The proposal as the co-signer reads it: each rule, its value before and after. */
  public static final String CHANGE_SUMMARY = "changeSummary";

  /** The ledger steps a message triggers (no task is completed there): their activity ids. */
  public static final String RECORD_MILESTONE = "RecordMilestone";

  public static final String RECORD_ARRIVAL = "RecordArrival";
  public static final String RECORD_CANCELLATION = "RecordCancellation";

  // --- The regulators' administration processes, started by an officer from Tasklist ---------

  /**
   * ECTA changes an exporter's standing: an officer suspends; a ban or a reinstatement is proposed
   * by an officer and co-signed by an ECTA supervisor.
   */
  public static final String EXPORTER_STANDING = "ExporterStandingChange";

  /** National Bank marks an exporter delinquent, or clears it on the repatriation evidence. */
  public static final String EXPORTER_DELINQUENCY = "ExporterDelinquency";

  /** ECTA enters a buyer on the blacklist or takes one off. */
  public static final String BUYER_BLACKLIST = "BuyerBlacklist";

  /** ECTA or National Bank cancels an export for cause, until it is shipped. */
  public static final String CANCELLATION_FOR_CAUSE = "CancellationForCause";

  /** The property naming a standing step's registry action ({@link StandingAction}). */
  public static final String STANDING_ACTION = "standingAction";

  /**
   * What a standing step does: propose a change to be co-signed, change the standing, or withdraw
   * the proposal pending for a change given up.
   */
  public enum StandingAction {
    PROPOSE,
    CHANGE,
    WITHDRAW
  }

  /** The property naming a blacklist step's registry action ({@link BlacklistAction}). */
  public static final String BLACKLIST_ACTION = "blacklistAction";

  /** What a blacklist step does. */
  public enum BlacklistAction {
    ADD,
    REMOVE
  }

  /** The person who started an administration process (set by the engine, never a form field). */
  public static final String INITIATOR = "initiator";

  /** Start form fields (and variables) of the administration processes. */
  public static final String EXPORTER_ID = "exporterId";

  public static final String STANDING = "standing";
  public static final String DOCUMENTS = "documents";
  public static final String REPATRIATED_EXPORT_ID = "repatriatedExportId";
  public static final String BUYER_ID = "buyerId";
  public static final String BUYER_NAME = "buyerName";
  public static final String BUYER_COUNTRY = "buyerCountry";
  public static final String BLACKLIST_CHANGE = "change";

  /** The blacklist change the officer asks for. */
  public enum BlacklistChange {
    BLACKLIST,
    REMOVE
  }

  /** The answer of a proposer whose change came back (sent back or refused by the ledger). */
  public enum Revision {
    RESUBMIT,
    WITHDRAW
  }

  /**
   * The names of {@code ExporterRegistration}, an exporter's licence application: its registration
   * or the renewal of its licence, ECTA's review, and the watch over the licence's expiry.
   */
  public static final class Registration {
    private Registration() {}

    public static final String KEY = "ExporterRegistration";

    /** Correlated by the application's id (the business key) once both documents are anchored. */
    public static final String DOCUMENTS_COMPLETE = "ApplicationDocumentsComplete";

    /** Elements. */
    public static final String RECORD_APPLICATION = "RecordApplication";

    public static final String AWAIT_DOCUMENTS = "AwaitDocuments";
    public static final String REVIEW = "ReviewApplication";
    public static final String RECORD_REGISTRATION = "RecordRegistration";
    public static final String RECORD_RENEWAL = "RecordRenewal";
    public static final String RECORD_REFUSAL = "RecordRefusal";
    public static final String REMINDER_DUE = "ReminderDue";
    public static final String EXPIRY_DUE = "ExpiryDue";

    /** Variables the submission API sets when the exporter applies. */
    public static final String APPLICATION_ID = "applicationId";

    public static final String EXPORTER_ID = "exporterId";

    /** {@code REGISTRATION} or {@code RENEWAL}, as the application on the ledger says. */
    public static final String APPLICATION_KIND = "applicationKind";

    /** When the timers of the licence's watch fire (ISO instants), from the ledger's expiry. */
    public static final String LICENCE_REMINDER_AT = "licenceReminderAt";

    public static final String LICENCE_EXPIRES_AT = "licenceExpiresAt";

    /** Set by the watch: the licence watched is no longer the one in force (renewed, banned). */
    public static final String LICENCE_SUPERSEDED = "licenceSuperseded";

    /** The property naming what the watch tells the exporter ({@link LicenceNotice}). */
    public static final String LICENCE_NOTICE = "licenceNotice";

    /** ECTA's decisions on an application. */
    public enum Decision {
      REGISTER,
      REFUSE
    }

    /** What the licence's watch tells the exporter. */
    public enum LicenceNotice {
      REMINDER,
      EXPIRED
    }
  }
}
