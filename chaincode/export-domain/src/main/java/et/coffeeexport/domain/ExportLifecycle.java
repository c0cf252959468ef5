package et.coffeeexport.domain;

import static et.coffeeexport.domain.ExportAction.*;
import static et.coffeeexport.domain.ExportStatus.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The export lifecycle: every allowed transition, and the decision whether a given actor may take a
 * given action on an export now. The chaincode enforces it, the workflow validates with it early
 * and renders what is allowed next, and a test checks the BPMN model against it. Stateless and
 * deterministic.
 */
public final class ExportLifecycle {
  private static final Set<Role> OFFICERS = EnumSet.of(Role.OFFICER, Role.SUPERVISOR);
  private static final Set<Role> EXPORTER = EnumSet.of(Role.EXPORTER);

  /** A reviewing stage: the status an export waits in for it, and its approval. */
  private record Review(
      ExportStatus waiting, Stage stage, ExportAction approve, ExportStatus approved) {}

  private static final List<Review> REVIEWS =
      List.of(
          new Review(SUBMITTED, Stage.BANK_INTAKE, VERIFY_AT_BANK, BANK_VERIFIED),
          new Review(BANK_VERIFIED, Stage.COMPLIANCE, APPROVE_COMPLIANCE, ECTA_APPROVED),
          new Review(ECTA_APPROVED, Stage.QUALITY, CERTIFY_QUALITY, QUALITY_CERTIFIED),
          new Review(
              QUALITY_CERTIFIED, Stage.FOREIGN_EXCHANGE, APPROVE_FOREIGN_EXCHANGE, FX_APPROVED),
          new Review(FX_APPROVED, Stage.CUSTOMS, CLEAR_CUSTOMS, CUSTOMS_CLEARED));

  /** Exporters may withdraw before customs clearance. */
  private static final Set<ExportStatus> EXPORTER_MAY_CANCEL =
      EnumSet.of(
          SUBMITTED,
          BANK_VERIFIED,
          ECTA_APPROVED,
          QUALITY_CERTIFIED,
          FX_APPROVED,
          RETURNED_FOR_AMENDMENT);

  /**
   * ECTA and National Bank may cancel for cause until the goods are shipped; nothing is cancelled
   * after that.
   */
  private static final Set<ExportStatus> REGULATOR_MAY_CANCEL = regulatorsMayCancel();

  /**
   * The shipment deadline runs from the contract's registration (ECTA's approval) until the goods
   * are shipped, also while a later stage has the export back with its exporter: ECTA may extend it
   * in each of these statuses.
   */
  private static final Set<ExportStatus> SHIPMENT_DEADLINE_RUNS =
      EnumSet.of(
          ECTA_APPROVED,
          QUALITY_CERTIFIED,
          FX_APPROVED,
          CUSTOMS_CLEARED,
          SHIPMENT_BOOKED,
          RETURNED_FOR_AMENDMENT);

  private static final List<Transition> TRANSITIONS = buildTable();

  private ExportLifecycle() {}

  /** Every allowed transition. */
  public static List<Transition> transitions() {
    return TRANSITIONS;
  }

  /**
   * Decides whether {@code actor} may take {@code action} on an export in {@code current} state.
   *
   * @param current the export's state; {@code null} when it does not exist yet (only {@code SUBMIT}
   *     applies)
   * @param maxAmendmentRounds the rule in force: how often an export may be returned for amendment
   */
  public static Decision decide(
      ExportState current, ExportAction action, Actor actor, int maxAmendmentRounds) {
    ExportStatus from = current == null ? null : current.status();
    List<Transition> candidates =
        TRANSITIONS.stream().filter(t -> t.action() == action && t.from() == from).toList();
    if (candidates.isEmpty()) {
      return new Decision.Rejected(
          RefusalCode.ILLEGAL_TRANSITION,
          from == null
              ? action + " needs an existing export"
              : "cannot " + action + " an export that is " + from);
    }
    Transition allowed = candidates.stream().filter(t -> t.permits(actor)).findFirst().orElse(null);
    if (allowed == null) {
      return new Decision.Rejected(
          RefusalCode.NOT_AUTHORISED,
          actor.role()
              + " of "
              + actor.organisation()
              + " may not "
              + action
              + " an export that is "
              + from);
    }
    return switch (action) {
      case SUBMIT -> new Decision.Accepted(ExportState.submitted(), allowed.stage());
      case RETURN_FOR_AMENDMENT -> {
        if (current.amendmentRounds() >= maxAmendmentRounds) {
          yield new Decision.Rejected(
              RefusalCode.AMENDMENT_ROUNDS_EXCEEDED,
              "the export was already returned "
                  + current.amendmentRounds()
                  + " times (limit "
                  + maxAmendmentRounds
                  + ")");
        }
        yield new Decision.Accepted(
            new ExportState(RETURNED_FOR_AMENDMENT, from, current.amendmentRounds() + 1),
            allowed.stage());
      }
      case EXTEND_SHIPMENT_DEADLINE -> {
        // A return before registration (by the bank, or by ECTA itself) has no deadline yet.
        if (from == RETURNED_FOR_AMENDMENT
            && !SHIPMENT_DEADLINE_RUNS.contains(current.returnedFrom())) {
          yield new Decision.Rejected(
              RefusalCode.ILLEGAL_TRANSITION,
              "no shipment deadline runs for an export returned from "
                  + current.returnedFrom()
                  + ", before its contract was registered");
        }
        yield new Decision.Accepted(current, allowed.stage());
      }
      case AMEND ->
          new Decision.Accepted(
              new ExportState(current.returnedFrom(), null, current.amendmentRounds()),
              stageWaitingIn(current.returnedFrom()));
      default ->
          new Decision.Accepted(
              new ExportState(allowed.to(), null, current.amendmentRounds()), allowed.stage());
    };
  }

  /**
   * The stage an export in {@code status} waits for, or {@code null} when final or returned to the
   * exporter.
   */
  public static Stage stageWaitingIn(ExportStatus status) {
    return switch (status) {
      case SUBMITTED -> Stage.BANK_INTAKE;
      case BANK_VERIFIED -> Stage.COMPLIANCE;
      case ECTA_APPROVED -> Stage.QUALITY;
      case QUALITY_CERTIFIED -> Stage.FOREIGN_EXCHANGE;
      case FX_APPROVED -> Stage.CUSTOMS;
      case CUSTOMS_CLEARED, SHIPMENT_BOOKED, SHIPPED -> Stage.SHIPPING;
      case ARRIVED -> Stage.PROCEEDS;
      case RETURNED_FOR_AMENDMENT -> Stage.SUBMISSION;
      case COMPLETED, REJECTED, CANCELLED -> null;
    };
  }

  /**
   * The organisations that move an export on from {@code status} (every action but cancelling):
   * only their peers may endorse a change of the export's own record.
   */
  public static Set<Organisation> organisationsAdvancing(ExportStatus status) {
    Set<Organisation> advancing = EnumSet.noneOf(Organisation.class);
    TRANSITIONS.stream()
        .filter(t -> t.from() == status && !OVERSIGHT.contains(t.action()))
        .forEach(t -> advancing.add(t.organisation()));
    return advancing;
  }

  /**
   * Actions that regulators record apart from the stages' record of the export: cancelling, finding
   * proceeds overdue, and extending the shipment deadline.
   */
  public static final Set<ExportAction> OVERSIGHT =
      EnumSet.of(CANCEL, MARK_REPATRIATION_OVERDUE, EXTEND_SHIPMENT_DEADLINE);

  /** The organisations that may take an oversight action on some export. */
  public static Set<Organisation> organisationsOverseeing() {
    Set<Organisation> overseeing = EnumSet.noneOf(Organisation.class);
    TRANSITIONS.stream()
        .filter(t -> OVERSIGHT.contains(t.action()))
        .forEach(t -> overseeing.add(t.organisation()));
    return overseeing;
  }

  /** The organisations that may cancel an export in some status. */
  public static Set<Organisation> organisationsCancelling() {
    Set<Organisation> cancelling = EnumSet.noneOf(Organisation.class);
    TRANSITIONS.stream()
        .filter(t -> t.action() == CANCEL)
        .forEach(t -> cancelling.add(t.organisation()));
    return cancelling;
  }

  /** The organisations that may act on an export in {@code status} in any way. */
  public static Set<Organisation> organisationsActingOn(ExportStatus status) {
    Set<Organisation> acting = EnumSet.noneOf(Organisation.class);
    TRANSITIONS.stream().filter(t -> t.from() == status).forEach(t -> acting.add(t.organisation()));
    return acting;
  }

  private static Set<ExportStatus> regulatorsMayCancel() {
    Set<ExportStatus> statuses = EnumSet.copyOf(EXPORTER_MAY_CANCEL);
    statuses.addAll(EnumSet.of(CUSTOMS_CLEARED, SHIPMENT_BOOKED));
    return statuses;
  }

  private static List<Transition> buildTable() {
    List<Transition> table = new ArrayList<>();
    Organisation bank = Organisation.COMMERCIAL_BANK;
    table.add(new Transition(SUBMIT, null, SUBMITTED, Stage.SUBMISSION, bank, EXPORTER));
    for (Review review : REVIEWS) {
      ExportStatus waiting = review.waiting();
      Stage stage = review.stage();
      Organisation reviewer = stage.responsible();
      table.add(
          new Transition(review.approve(), waiting, review.approved(), stage, reviewer, OFFICERS));
      table.add(
          new Transition(
              RETURN_FOR_AMENDMENT, waiting, RETURNED_FOR_AMENDMENT, stage, reviewer, OFFICERS));
      table.add(new Transition(REJECT, waiting, REJECTED, stage, reviewer, OFFICERS));
    }
    Organisation nationalBank = Organisation.NATIONAL_BANK;
    // Four eyes: above the threshold the officer recommends, a supervisor approves (a rule of the
    // rule set decides which applies; the transition is the same either way).
    table.add(
        new Transition(
            RECOMMEND_FOREIGN_EXCHANGE,
            QUALITY_CERTIFIED,
            QUALITY_CERTIFIED,
            Stage.FOREIGN_EXCHANGE,
            nationalBank,
            OFFICERS));
    for (ExportStatus awaitingProceeds : EnumSet.of(ExportStatus.SHIPPED, ARRIVED)) {
      table.add(
          new Transition(
              MARK_REPATRIATION_OVERDUE,
              awaitingProceeds,
              awaitingProceeds,
              Stage.PROCEEDS,
              nationalBank,
              OFFICERS));
    }
    Organisation shipping = Organisation.SHIPPING_LINE;
    table.add(
        new Transition(
            BOOK_SHIPMENT, CUSTOMS_CLEARED, SHIPMENT_BOOKED, Stage.SHIPPING, shipping, OFFICERS));
    table.add(
        new Transition(
            SHIP, SHIPMENT_BOOKED, ExportStatus.SHIPPED, Stage.SHIPPING, shipping, OFFICERS));
    table.add(
        new Transition(
            RECORD_TRACKING_MILESTONE,
            ExportStatus.SHIPPED,
            ExportStatus.SHIPPED,
            Stage.SHIPPING,
            shipping,
            OFFICERS));
    table.add(
        new Transition(
            CONFIRM_ARRIVAL, ExportStatus.SHIPPED, ARRIVED, Stage.SHIPPING, shipping, OFFICERS));
    // Proceeds often arrive before the goods (cash against documents), so both statuses accept
    // them.
    table.add(
        new Transition(
            RECORD_REPATRIATION, ExportStatus.SHIPPED, COMPLETED, Stage.PROCEEDS, bank, OFFICERS));
    table.add(
        new Transition(RECORD_REPATRIATION, ARRIVED, COMPLETED, Stage.PROCEEDS, bank, OFFICERS));
    table.add(
        new Transition(AMEND, RETURNED_FOR_AMENDMENT, null, Stage.SUBMISSION, bank, EXPORTER));
    for (ExportStatus status : EXPORTER_MAY_CANCEL) {
      table.add(new Transition(CANCEL, status, CANCELLED, Stage.SUBMISSION, bank, EXPORTER));
    }
    for (ExportStatus status : SHIPMENT_DEADLINE_RUNS) {
      table.add(
          new Transition(
              EXTEND_SHIPMENT_DEADLINE,
              status,
              status,
              Stage.COMPLIANCE,
              Organisation.ECTA,
              OFFICERS));
    }
    for (ExportStatus status : REGULATOR_MAY_CANCEL) {
      table.add(
          new Transition(CANCEL, status, CANCELLED, Stage.COMPLIANCE, Organisation.ECTA, OFFICERS));
      table.add(
          new Transition(
              CANCEL,
              status,
              CANCELLED,
              Stage.FOREIGN_EXCHANGE,
              Organisation.NATIONAL_BANK,
              OFFICERS));
    }
    return List.copyOf(table);
  }
}
