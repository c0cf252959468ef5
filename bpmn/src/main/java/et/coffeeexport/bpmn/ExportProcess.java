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
          "decisions/grade.dmn",
          "decisions/minimum-price.dmn",
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
   * The properties that make a service task a ledger step, signed by whoever completed the task
   * before it: lifecycle actions and price-floor actions.
   */
  public static final List<String> LEDGER_STEP_PROPERTIES =
      List.of(LEDGER_ACTION, PRICE_FLOOR_ACTION);

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

  /** The ledger steps a message triggers (no task is completed there): their activity ids. */
  public static final String RECORD_MILESTONE = "RecordMilestone";

  public static final String RECORD_ARRIVAL = "RecordArrival";
  public static final String RECORD_CANCELLATION = "RecordCancellation";
}
