package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.Amendments;
import et.coffeeexport.domain.Deadlines;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.Identifiers;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.StatedDates;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;

/**
 * The {@code coffee-export} chaincode's lifecycle transactions, one per step of DOMAIN.md. Each
 * refuses with a stable code (see {@code ContractError}) and then writes nothing; each accepted
 * step appends a decision to the export's trail and emits one event.
 *
 * <p>Every lifecycle transaction takes an optional step key as transient data {@code step} (1-64 of
 * {@code [A-Za-z0-9._:-]}; the workflow passes its job id): a step its key shows as taken already
 * by the same caller is answered with the export as it stands, writes nothing and emits no event;
 * the key reused for another action or by another caller is {@code STEP_KEY_REUSED} ({@link
 * Steps}).
 */
@Contract(
    name = "ExportContract",
    info = @Info(title = "Coffee export lifecycle", version = "1.0.0"))
@Default
public final class ExportContract implements ContractInterface {

  /**
   * Files a new export request (exporter, through Commercial Bank). Pass the commercial terms as
   * transient data {@code terms}; they go to the private collection and the record keeps their
   * hash.
   *
   * @param requestJson an {@code ExportRequest}
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String createExport(Context ctx, String exportId, String requestJson) {
    requireId(exportId);
    Transitions t = new Transitions(ctx);
    var replayed = t.replayed(exportId, ExportAction.SUBMIT);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    ExportRequest request = CanonicalJson.parse(requestJson, ExportRequest.class, "request");
    // A new filing takes the rule set in force now and keeps it to the end (ruleVersion).
    RuleSet rules = t.store.rulesInForce();
    requireValid(request, rules);
    if (!request.exporterId().equals(t.caller.exporterId())) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "exporters file requests only for themselves");
    }
    ExportState next = t.decide(null, ExportAction.SUBMIT, rules);
    ExportTerms terms = new PrivateTerms(t.stub).fromTransient(rules, true);
    requireDates(StatedDates.contractViolations(request, t.stub.getTxTimestamp(), rules));
    if (t.store.exists(exportId)) {
      throw ContractError.of(RefusalCode.ALREADY_EXISTS, "export " + exportId + " already exists");
    }
    t.registry.about(request.exporterId()).buying(terms.buyerId());
    t.registry.requireActiveExporter(request.exporterId());
    t.registry.requireBuyerNotBlacklisted(terms.buyerId());
    String termsHash = new PrivateTerms(t.stub).store(exportId, terms);
    boolean late = t.reportedLate(request, rules);
    ExportSnapshot created =
        new ExportSnapshot(
            exportId,
            request.exporterId(),
            next.status(),
            null,
            0,
            request,
            termsHash,
            rules.version(),
            late,
            new TreeMap<>(),
            t.now(),
            t.now(),
            1);
    return t.commit(
        null,
        created,
        ExportAction.SUBMIT.name(),
        List.of(),
        rules,
        Transitions.Outcome.NOTHING,
        Events.of(ExportAction.SUBMIT));
  }

  /**
   * Commercial Bank's intake: payment arrangement and financing checked; the exporter must be in
   * good standing (not suspended, banned or delinquent).
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String verifyAtBank(Context ctx, String exportId, String notesJson) {
    Transitions t = new Transitions(ctx);
    return t.take(
        exportId,
        ExportAction.VERIFY_AT_BANK,
        notes(t, notesJson, false),
        (export, rules) -> {
          t.registry.requireActiveExporter(export.exporterId());
          return Transitions.Outcome.NOTHING;
        });
  }

  /**
   * ECTA's compliance approval: exporter licence valid, price at or above the minimum in force on
   * the contract date; registers the contract (its number is derived from the transaction) and
   * fixes the shipment deadline.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String approveCompliance(Context ctx, String exportId, String notesJson) {
    Transitions t = new Transitions(ctx);
    return t.take(
        exportId,
        ExportAction.APPROVE_COMPLIANCE,
        notes(t, notesJson, false),
        (export, rules) -> {
          t.registry.requireActiveExporter(export.exporterId());
          String floor = new PriceCheck(t).requireAtOrAboveFloor(export, export.request().grade());
          Map<String, String> facts = new TreeMap<>();
          facts.put(ExportFacts.CONTRACT_REGISTRATION_NUMBER, t.issueNumber("ECTA-CR"));
          facts.put(ExportFacts.REGISTERED_AT, t.now());
          facts.put(
              ExportFacts.SHIPMENT_DUE,
              Deadlines.shipmentDue(t.stub.getTxTimestamp(), rules).toString());
          return Transitions.Outcome.of(facts, floor);
        });
  }

  /** ECX's quality certification: the grade follows from the scores by the rule set in force. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String certifyQuality(Context ctx, String exportId, String qualityJson) {
    Transitions t = new Transitions(ctx);
    Inputs.QualityReport report =
        CanonicalJson.parse(qualityJson, Inputs.QualityReport.class, "quality").checked();
    t.applying(report.decisionTables());
    return t.take(
        exportId,
        ExportAction.CERTIFY_QUALITY,
        List.of(),
        (export, rules) -> {
          String grade =
              et.coffeeexport.domain.Grading.grade(report.physicalScore(), report.cupScore(), rules)
                  .orElse("UG");
          if (!rules.exportGrades().contains(grade)) {
            throw ContractError.of(
                RefusalCode.PRECONDITION_FAILED,
                "grade "
                    + grade
                    + " is not allowed for export under rule set "
                    + rules.version()
                    + "; return the lot for re-processing");
          }
          Map<String, String> facts = new TreeMap<>();
          facts.put(ExportFacts.GRADE, grade);
          facts.put(ExportFacts.QUALITY_CERTIFICATE_NUMBER, t.issueNumber("ECX-QC"));
          facts.put("lotReference", report.lotReference());
          facts.put("physicalScore", Integer.toString(report.physicalScore()));
          facts.put("cupScore", Integer.toString(report.cupScore()));
          return Transitions.Outcome.of(facts);
        });
  }

  /**
   * National Bank's foreign-exchange approval: exporter not delinquent, payment mode allowed, price
   * floor re-checked with the certified grade; issues the single-use export permit. Above the
   * four-eyes threshold the first approval is a recommendation and a supervisor who is someone else
   * completes it.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String approveForeignExchange(Context ctx, String exportId, String notesJson) {
    Transitions t = new Transitions(ctx);
    return new ForeignExchangeApproval(t).approve(exportId, notes(t, notesJson, false));
  }

  /**
   * Custom Authorities' clearance: the export declaration consumes the export permit, which is
   * usable once.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String clearCustoms(Context ctx, String exportId, String declarationJson) {
    Transitions t = new Transitions(ctx);
    Inputs.CustomsDeclaration declaration =
        CanonicalJson.parse(declarationJson, Inputs.CustomsDeclaration.class, "declaration")
            .checked();
    return t.take(
        exportId,
        ExportAction.CLEAR_CUSTOMS,
        List.of(),
        (export, rules) -> {
          new Permits(t).consume(declaration.permitNumber(), export.exportId());
          Map<String, String> facts = new TreeMap<>();
          facts.put(ExportFacts.CUSTOMS_DECLARATION_NUMBER, declaration.declarationNumber());
          facts.put(ExportFacts.RELEASE_NOTE_NUMBER, t.issueNumber("CUS-RN"));
          return Transitions.Outcome.of(facts);
        });
  }

  /** Shipping Line's booking: containers and vessel. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String bookShipment(Context ctx, String exportId, String bookingJson) {
    Transitions t = new Transitions(ctx);
    Inputs.Booking booking =
        CanonicalJson.parse(bookingJson, Inputs.Booking.class, "booking").checked();
    return t.take(
        exportId,
        ExportAction.BOOK_SHIPMENT,
        List.of(),
        (export, rules) ->
            Transitions.Outcome.of(
                Map.of(
                    ExportFacts.BOOKING_NUMBER,
                    booking.bookingNumber(),
                    "vessel",
                    booking.vessel(),
                    "containers",
                    String.join(",", booking.containers()))));
  }

  /**
   * Shipped on board: the bill-of-lading date fixes the shipment and starts the repatriation
   * period.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String ship(Context ctx, String exportId, String billOfLadingJson) {
    Transitions t = new Transitions(ctx);
    Inputs.BillOfLading bl =
        CanonicalJson.parse(billOfLadingJson, Inputs.BillOfLading.class, "billOfLading").checked();
    return t.take(
        exportId,
        ExportAction.SHIP,
        List.of(),
        (export, rules) -> {
          java.time.LocalDate blDate = java.time.LocalDate.parse(bl.billOfLadingDate());
          requireDates(StatedDates.billOfLadingViolations(blDate, t.stub.getTxTimestamp(), rules));
          Map<String, String> facts = new TreeMap<>();
          facts.put(ExportFacts.BILL_OF_LADING_NUMBER, bl.billOfLadingNumber());
          facts.put(ExportFacts.BILL_OF_LADING_DATE, blDate.toString());
          facts.put(
              ExportFacts.REPATRIATION_DUE, Deadlines.repatriationDue(blDate, rules).toString());
          String shipmentDue = export.fact(ExportFacts.SHIPMENT_DUE);
          facts.put(
              ExportFacts.SHIPPED_LATE,
              Boolean.toString(
                  shipmentDue != null && blDate.isAfter(java.time.LocalDate.parse(shipmentDue))));
          return Transitions.Outcome.of(facts);
        });
  }

  /** A tracking milestone (loaded, transhipped, ...); the export stays {@code SHIPPED}. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordTrackingMilestone(Context ctx, String exportId, String milestoneJson) {
    Transitions t = new Transitions(ctx);
    Inputs.Milestone m =
        CanonicalJson.parse(milestoneJson, Inputs.Milestone.class, "milestone").checked();
    return t.take(
        exportId,
        ExportAction.RECORD_TRACKING_MILESTONE,
        List.of(),
        (export, rules) ->
            Transitions.Outcome.of(
                Map.of("lastMilestone", m.event() + " at " + m.location() + " on " + m.at())));
  }

  /** Arrival at the port of destination. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String confirmArrival(Context ctx, String exportId, String arrivalJson) {
    Transitions t = new Transitions(ctx);
    Inputs.Arrival a = CanonicalJson.parse(arrivalJson, Inputs.Arrival.class, "arrival").checked();
    return t.take(
        exportId,
        ExportAction.CONFIRM_ARRIVAL,
        List.of(),
        (export, rules) ->
            Transitions.Outcome.of(Map.of("arrivalPort", a.port(), "arrivedOn", a.arrivedOn())));
  }

  /**
   * Commercial Bank records the repatriated proceeds: the export is complete. The amount is a
   * financial figure: it travels as transient data {@code repatriation} ({@code {"amountUsd"}})
   * into the private collection, never in the arguments, the public record or the event.
   *
   * @param repatriationJson {@code {"reference","receivedOn"}}
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String recordRepatriation(Context ctx, String exportId, String repatriationJson) {
    Transitions t = new Transitions(ctx);
    Inputs.Repatriation r =
        CanonicalJson.parse(repatriationJson, Inputs.Repatriation.class, "repatriation").checked();
    return t.take(
        exportId,
        ExportAction.RECORD_REPATRIATION,
        List.of(),
        (export, rules) -> {
          PrivateTerms privateTerms = new PrivateTerms(t.stub);
          privateTerms.storeRepatriation(export.exportId(), privateTerms.repatriatedAmount());
          return Transitions.Outcome.of(
              Map.of("repatriationReference", r.reference(), "repatriatedOn", r.receivedOn()));
        });
  }

  /**
   * A reviewing stage sends the export back to the exporter, with reasons; it re-enters that stage
   * once amended.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String returnForAmendment(Context ctx, String exportId, String notesJson) {
    return decideOnly(ctx, exportId, ExportAction.RETURN_FOR_AMENDMENT, notesJson, true);
  }

  /**
   * The exporter amends a returned export: a new request (same exporter), and new terms as
   * transient data if they change. It re-enters the stage that returned it. It may change only what
   * that stage may ask to change and no earlier stage approved ({@code Amendments}); the late flag
   * stays as filing fixed it.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String amendExport(Context ctx, String exportId, String requestJson) {
    Transitions t = new Transitions(ctx);
    var replayed = t.replayed(exportId, ExportAction.AMEND);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    ExportRequest request = CanonicalJson.parse(requestJson, ExportRequest.class, "request");
    ExportSnapshot export = t.store.export(exportId);
    // An amended request is filed anew: under the rule set in force now, which it then keeps.
    RuleSet rules = t.store.rulesInForce();
    requireValid(request, rules);
    if (!request.exporterId().equals(export.exporterId())) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, "an amendment cannot change the exporter");
    }
    ExportState next = t.decide(export, ExportAction.AMEND, rules);
    requireDates(StatedDates.contractViolations(request, t.stub.getTxTimestamp(), rules));
    PrivateTerms privateTerms = new PrivateTerms(t.stub);
    ExportTerms terms = privateTerms.fromTransient(rules, false);
    boolean termsChanged =
        terms != null && !terms.withSalt("").equals(privateTerms.read(exportId).withSalt(""));
    List<String> refused =
        Amendments.violations(
            ExportLifecycle.stageWaitingIn(export.state().returnedFrom()),
            export.request(),
            request,
            termsChanged);
    if (!refused.isEmpty()) {
      throw ContractError.of(RefusalCode.AMENDMENT_NOT_ALLOWED, String.join("; ", refused));
    }
    if (termsChanged) {
      t.registry.about(export.exporterId()).buying(terms.buyerId());
      t.registry.requireBuyerNotBlacklisted(terms.buyerId());
    }
    t.registry.requireActiveExporter(export.exporterId());
    String termsHash = termsChanged ? privateTerms.store(exportId, terms) : export.termsHash();
    ExportSnapshot after =
        export
            .amended(request, termsHash, rules.version(), export.reportedLate())
            .decided(next, Map.of(), t.now());
    return t.commit(
        export,
        after,
        ExportAction.AMEND.name(),
        List.of(),
        rules,
        Transitions.Outcome.NOTHING,
        Events.of(ExportAction.AMEND));
  }

  /** A reviewing stage rejects the export for good, with reasons. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String rejectExport(Context ctx, String exportId, String notesJson) {
    return decideOnly(ctx, exportId, ExportAction.REJECT, notesJson, true);
  }

  /**
   * The exporter withdraws (before clearance), or ECTA or National Bank cancel for cause (before
   * shipment).
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String cancelExport(Context ctx, String exportId, String notesJson) {
    return decideOnly(ctx, exportId, ExportAction.CANCEL, notesJson, true);
  }

  /**
   * National Bank marks the proceeds overdue once the repatriation deadline recorded on the ledger
   * has passed at this transaction's time; refused before. The export stays where it is; the
   * exporter's DELINQUENT status is set in the participant registry.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String markRepatriationOverdue(Context ctx, String exportId) {
    return new OverdueProceeds(new Transitions(ctx)).mark(exportId);
  }

  /**
   * ECTA extends the shipment deadline recorded at the contract's registration (an ECTA officer or
   * supervisor, from registration until shipment): the new date must be later than the recorded
   * one, at most the rule set's {@code maxShipmentExtensionDays} later, and not passed at this
   * transaction's time. The status stays; the export's {@code shipmentDue} becomes the new date,
   * and the trail records who extended it and why.
   *
   * @param extensionJson {@code {"newShipmentDate":"YYYY-MM-DD","reasons":["..."]}}
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String extendShipmentDeadline(Context ctx, String exportId, String extensionJson) {
    return new ShipmentExtension(new Transitions(ctx)).extend(exportId, extensionJson);
  }

  /** A decision whose stage records nothing beyond the decision and its reasons. */
  private static String decideOnly(
      Context ctx,
      String exportId,
      ExportAction action,
      String notesJson,
      boolean reasonsRequired) {
    Transitions t = new Transitions(ctx);
    return t.take(
        exportId,
        action,
        notes(t, notesJson, reasonsRequired),
        (e, r) -> Transitions.Outcome.NOTHING);
  }

  /** The reasons of a decision; the decision tables it applied go to the trail with it. */
  private static List<String> notes(Transitions t, String json, boolean reasonsRequired) {
    Inputs.Notes notes = CanonicalJson.parse(json, Inputs.Notes.class, "notes");
    t.applying(notes.decisionTables());
    return notes.checked(reasonsRequired);
  }

  private static void requireDates(List<String> violations) {
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
  }

  private static void requireValid(ExportRequest request, RuleSet rules) {
    var violations = request.violations(rules);
    if (!violations.isEmpty()) {
      throw ContractError.of(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
  }

  static void requireId(String exportId) {
    if (!Identifiers.isValid(exportId)) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT, "exportId must be 1-64 letters, digits, '.', '_' or '-'");
    }
  }
}
