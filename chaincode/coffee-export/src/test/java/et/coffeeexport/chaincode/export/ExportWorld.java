package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Msp;
import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.chaincode.testing.TestIdentity;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * A coffee-export ledger with a rule set, a co-signed minimum price, a participant registry (a
 * fake: the real one is another chaincode, exercised by the integration tests) and an identity per
 * organisation and role.
 */
final class ExportWorld {
  static final String EXPORTER_ID = "EXPORTER-1";
  static final String RULES =
      """
      {"version":1,"maxAmendmentRounds":2,"contractReportingHours":24,"shipmentPeriodDays":90,
       "repatriationPeriodMonths":3,"exportGrades":["G1","G2","G3","G4","G5"],
       "gradeThresholds":[{"grade":"G1","minScore":91},{"grade":"G2","minScore":81},{"grade":"G3","minScore":71},
         {"grade":"G4","minScore":63},{"grade":"G5","minScore":58}],
       "allowedPaymentModes":["LETTER_OF_CREDIT","CASH_AGAINST_DOCUMENTS","ADVANCE_PAYMENT"],
       "fourEyesThresholdUsd":1000000,
       "requiredDocuments":{"APPROVE_COMPLIANCE":["SALES_CONTRACT"],"APPROVE_FOREIGN_EXCHANGE":["QUALITY_CERTIFICATE"],
         "SHIP":["BILL_OF_LADING"]},
       "clockToleranceMinutes":10,"contractMaxAgeDays":180,"billOfLadingMaxAgeDays":30,
       "maxShipmentExtensionDays":60}""";

  final InMemoryLedger ledger = new InMemoryLedger();
  final Map<String, String> exporterStatus = new HashMap<>(Map.of(EXPORTER_ID, "ACTIVE"));
  final Set<String> activeOfficers = new HashSet<>();
  final Set<String> blacklistedBuyers = new HashSet<>();
  final List<String> overdueRecorded = new java.util.ArrayList<>();
  final ExportContract exports = new ExportContract();
  final DocumentContract documents = new DocumentContract();
  final RuleContract rules = new RuleContract();
  final ExportQueryContract queries = new ExportQueryContract();
  private final Map<String, TestIdentity> identities = new HashMap<>();

  ExportWorld() {
    ledger.withOtherChaincodes(this::registry);
    ledger.submit(TestIdentity.admin("EctaMSP"), ctx -> rules.publishRuleSet(ctx, RULES));
    ledger.submit(
        officer(Organisation.ECTA),
        ctx ->
            rules.proposePriceFloor(
                ctx,
                "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-01-01\",\"minPricePerLbUsd\":3.00,\"cosigned\":false}"));
    ledger.submit(
        officer(Organisation.NATIONAL_BANK),
        ctx -> rules.cosignPriceFloor(ctx, "G2", "SIDAMA", "WASHED", "2026-01-01"));
  }

  /** The test rule set as version {@code version}, undated. */
  static String rules(int version) {
    return RULES.replace("\"version\":1", "\"version\":" + version);
  }

  /** {@code ruleSetJson} dated to take effect on {@code day}. */
  static String effective(String ruleSetJson, java.time.LocalDate day) {
    return ruleSetJson.replaceFirst("\\{", "{\"effectiveDate\":\"" + day + "\",");
  }

  /** The ledger clock's day (UTC): the day of the next transaction. */
  java.time.LocalDate today() {
    return ledger.time().atZone(java.time.ZoneOffset.UTC).toLocalDate();
  }

  /** ECTA's officer proposes {@code datedJson}; answers the proposal and its hash. */
  et.coffeeexport.domain.RuleSetProposal propose(String datedJson) {
    return et.coffeeexport.chaincode.support.CanonicalJson.fromBytes(
        ledger
            .submit(officer(Organisation.ECTA), ctx -> rules.proposeRuleSet(ctx, datedJson))
            .getBytes(StandardCharsets.UTF_8),
        et.coffeeexport.domain.RuleSetProposal.class);
  }

  /** National Bank's supervisor co-signs {@code proposal}; answers the co-signed rule set. */
  String cosign(et.coffeeexport.domain.RuleSetProposal proposal) {
    return ledger.submit(
        supervisor(Organisation.NATIONAL_BANK),
        ctx ->
            rules.cosignRuleSet(
                ctx, Integer.toString(proposal.rules().version()), proposal.hash()));
  }

  /**
   * Puts {@code ruleSetJson} (the next version, undated) in force from today, as the rule-set
   * change does: ECTA's officer proposes it, National Bank's supervisor co-signs it.
   */
  String ruleSetInForce(String ruleSetJson) {
    return cosign(propose(effective(ruleSetJson, today())));
  }

  /**
   * The identity of {@code role} at {@code organisation}; officers and supervisors are registered
   * active.
   */
  TestIdentity person(Organisation organisation, Role role) {
    String enrollmentId = organisation.name().toLowerCase() + "-" + role.name().toLowerCase();
    return identities.computeIfAbsent(
        enrollmentId,
        id -> {
          if (role != Role.EXPORTER) {
            activeOfficers.add(Msp.of(organisation) + "/" + id);
          }
          return TestIdentity.person(
              Msp.of(organisation),
              role.name().toLowerCase(),
              id,
              role == Role.EXPORTER ? Map.of("exporterId", EXPORTER_ID) : Map.of());
        });
  }

  TestIdentity officer(Organisation organisation) {
    return person(organisation, Role.OFFICER);
  }

  TestIdentity supervisor(Organisation organisation) {
    return person(organisation, Role.SUPERVISOR);
  }

  TestIdentity exporter() {
    return person(Organisation.COMMERCIAL_BANK, Role.EXPORTER);
  }

  static String request(long quantityKg, String signedAt) {
    return "{\"exporterId\":\""
        + EXPORTER_ID
        + "\",\"contractNumber\":\"SC-2026-001\",\"contractSignedAt\":\""
        + signedAt
        + "\",\"contractDate\":\"2026-11-20\",\"destinationCountry\":\"DE\",\"quantityKg\":"
        + quantityKg
        + ",\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"incoterm\":\"FOB\"}";
  }

  static String request() {
    return request(19_200, "2026-11-20T08:00:00Z");
  }

  static Map<String, byte[]> terms(String price, String paymentMode) {
    String json =
        "{\"pricePerLbUsd\":"
            + price
            + ",\"buyerId\":\"BUYER-HAMBURG-1\",\"buyerName\":\"Hamburg Roasters GmbH\",\"buyerCountry\":\"DE\","
            + "\"paymentMode\":\""
            + paymentMode
            + "\",\"paymentReference\":\"LC-778812\",\"salt\":\"c2FsdHNhbHRzYWx0c2FsdA\"}";
    return Map.of("terms", json.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, byte[]> terms() {
    return terms("3.45", "LETTER_OF_CREDIT");
  }

  /** Files an export and anchors the documents the test rules require along the way. */
  String create(String exportId) {
    return create(exportId, request());
  }

  /** Files {@code request} and anchors the documents the test rules require along the way. */
  String create(String exportId, String request) {
    String created =
        ledger.submit(exporter(), terms(), ctx -> exports.createExport(ctx, exportId, request));
    anchor(exportId, "SALES_CONTRACT", exporter());
    anchor(exportId, "QUALITY_CERTIFICATE", officer(Organisation.ECX));
    anchor(exportId, "BILL_OF_LADING", officer(Organisation.SHIPPING_LINE));
    return created;
  }

  String anchor(String exportId, String type, TestIdentity by) {
    String sha = "%064x".formatted(type.hashCode() & 0xffffffffL);
    return ledger.submit(
        by,
        ctx ->
            documents.anchorDocument(
                ctx,
                exportId,
                "{\"type\":\""
                    + type
                    + "\",\"cid\":\"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\",\"sha256\":\""
                    + sha
                    + "\",\"sizeBytes\":2048}"));
  }

  /**
   * Takes {@code action} on the export as {@code caller}, with valid arguments for it; finding
   * proceeds overdue happens the day after they were due.
   */
  String take(String exportId, ExportAction action, TestIdentity caller) {
    return take(exportId, action, caller, Map.of());
  }

  /** {@link #take(String, ExportAction, TestIdentity)} with more transient data (a step key). */
  String take(String exportId, ExportAction action, TestIdentity caller, Map<String, byte[]> more) {
    if (action != ExportAction.MARK_REPATRIATION_OVERDUE) {
      return takeNow(exportId, action, caller, more);
    }
    java.time.Instant clock = ledger.time();
    String due = read(exportId).fact(et.coffeeexport.domain.ExportFacts.REPATRIATION_DUE);
    if (due != null) {
      ledger.setTime(
          java.time.LocalDate.parse(due)
              .plusDays(1)
              .atStartOfDay(java.time.ZoneOffset.UTC)
              .toInstant());
    }
    try {
      return takeNow(exportId, action, caller, more);
    } finally {
      ledger.setTime(clock);
    }
  }

  private String takeNow(
      String exportId, ExportAction action, TestIdentity caller, Map<String, byte[]> more) {
    return ledger.submit(caller, transientFor(action, more), transaction(exportId, action));
  }

  /** The transient data {@code action} carries (terms, an amount), with {@code more}. */
  static Map<String, byte[]> transientFor(ExportAction action, Map<String, byte[]> more) {
    boolean carriesTerms = action == ExportAction.SUBMIT || action == ExportAction.AMEND;
    Map<String, byte[]> privately =
        new HashMap<>(
            carriesTerms
                ? terms()
                : action == ExportAction.RECORD_REPATRIATION ? repatriatedAmount() : Map.of());
    privately.putAll(more);
    return privately;
  }

  /** The transaction that takes {@code action} on the export, with valid arguments for it. */
  java.util.function.Function<org.hyperledger.fabric.contract.Context, String> transaction(
      String exportId, ExportAction action) {
    return ctx ->
        switch (action) {
          case SUBMIT -> exports.createExport(ctx, exportId, request());
          case VERIFY_AT_BANK -> exports.verifyAtBank(ctx, exportId, "{}");
          case APPROVE_COMPLIANCE ->
              exports.approveCompliance(ctx, exportId, "{\"reasons\":[\"licence valid\"]}");
          case CERTIFY_QUALITY ->
              exports.certifyQuality(
                  ctx,
                  exportId,
                  "{\"lotReference\":\"LOT-77\",\"physicalScore\":35,\"cupScore\":52,\"moisturePercent\":10.5,\"defectsPer300g\":4,\"screenSize\":15}");
          case APPROVE_FOREIGN_EXCHANGE, RECOMMEND_FOREIGN_EXCHANGE ->
              exports.approveForeignExchange(ctx, exportId, "{}");
          case MARK_REPATRIATION_OVERDUE -> exports.markRepatriationOverdue(ctx, exportId);
          case CLEAR_CUSTOMS ->
              exports.clearCustoms(
                  ctx,
                  exportId,
                  "{\"permitNumber\":\""
                      + permitOf(exportId)
                      + "\",\"declarationNumber\":\"DEC-2026-9\"}");
          case BOOK_SHIPMENT ->
              exports.bookShipment(
                  ctx,
                  exportId,
                  "{\"bookingNumber\":\"BK-1\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU1234567\"]}");
          case SHIP ->
              exports.ship(
                  ctx,
                  exportId,
                  "{\"billOfLadingNumber\":\"BL-1\",\"billOfLadingDate\":\""
                      + ledger.time().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                      + "\"}");
          case RECORD_TRACKING_MILESTONE ->
              exports.recordTrackingMilestone(
                  ctx,
                  exportId,
                  "{\"event\":\"TRANSHIPPED\",\"location\":\"Djibouti\",\"at\":\"2026-11-28T10:00:00Z\"}");
          case CONFIRM_ARRIVAL ->
              exports.confirmArrival(
                  ctx, exportId, "{\"port\":\"Hamburg\",\"arrivedOn\":\"2026-12-20\"}");
          case RECORD_REPATRIATION ->
              exports.recordRepatriation(
                  ctx, exportId, "{\"reference\":\"SWIFT-1\",\"receivedOn\":\"2027-01-10\"}");
          case RETURN_FOR_AMENDMENT ->
              exports.returnForAmendment(ctx, exportId, "{\"reasons\":[\"price clause unclear\"]}");
          case AMEND -> exports.amendExport(ctx, exportId, request());
          case REJECT -> exports.rejectExport(ctx, exportId, "{\"reasons\":[\"forged contract\"]}");
          case CANCEL -> exports.cancelExport(ctx, exportId, "{\"reasons\":[\"buyer withdrew\"]}");
          case EXTEND_SHIPMENT_DEADLINE ->
              exports.extendShipmentDeadline(ctx, exportId, extension(exportId, 10));
        };
  }

  /**
   * An extension of the export's recorded shipment deadline by {@code days}, with a reason (a fixed
   * date where none is recorded: the transaction refuses before it looks at the date).
   */
  String extension(String exportId, int days) {
    String due;
    try {
      due = read(exportId).fact(et.coffeeexport.domain.ExportFacts.SHIPMENT_DUE);
    } catch (RuntimeException e) {
      due = null;
    }
    String date =
        due == null ? "2027-03-01" : java.time.LocalDate.parse(due).plusDays(days).toString();
    return "{\"newShipmentDate\":\"" + date + "\",\"reasons\":[\"vessel delayed at Djibouti\"]}";
  }

  /** The repatriated amount, as transient data. */
  static Map<String, byte[]> repatriatedAmount() {
    return Map.of("repatriation", "{\"amountUsd\":146034.20}".getBytes(StandardCharsets.UTF_8));
  }

  private String permitOf(String exportId) {
    try {
      String permit = read(exportId).fact(et.coffeeexport.domain.ExportFacts.EXPORT_PERMIT_NUMBER);
      return permit == null ? "NBE-EP-NONE" : permit;
    } catch (RuntimeException e) {
      return "NBE-EP-NONE";
    }
  }

  ExportSnapshot read(String exportId) {
    return et.coffeeexport.chaincode.support.CanonicalJson.fromBytes(
        ledger
            .evaluate(exporter(), ctx -> queries.readExport(ctx, exportId))
            .getBytes(StandardCharsets.UTF_8),
        ExportSnapshot.class);
  }

  /** Walks a fresh export to {@code status} along the shortest path of the lifecycle. */
  String exportAt(String exportId, ExportStatus status) {
    return exportAt(exportId, status, request());
  }

  /** Files {@code request} and walks it to {@code status} along the shortest path. */
  String exportAt(String exportId, ExportStatus status, String request) {
    create(exportId, request);
    List<Step> path =
        switch (status) {
          // Returned after the contract's registration, where every row from
          // RETURNED_FOR_AMENDMENT applies (the shipment deadline runs).
          case RETURNED_FOR_AMENDMENT ->
              List.of(
                  HAPPY_PATH.get(0),
                  HAPPY_PATH.get(1),
                  new Step(ExportAction.RETURN_FOR_AMENDMENT, Organisation.ECX));
          case REJECTED -> List.of(new Step(ExportAction.REJECT, Organisation.COMMERCIAL_BANK));
          case CANCELLED -> List.of(new Step(ExportAction.CANCEL, Organisation.ECTA));
          default -> HAPPY_PATH.subList(0, HAPPY_ORDER.indexOf(status));
        };
    for (Step step : path) {
      take(exportId, step.action(), officer(step.by()));
    }
    return exportId;
  }

  static final List<ExportStatus> HAPPY_ORDER =
      List.of(
          ExportStatus.SUBMITTED,
          ExportStatus.BANK_VERIFIED,
          ExportStatus.ECTA_APPROVED,
          ExportStatus.QUALITY_CERTIFIED,
          ExportStatus.FX_APPROVED,
          ExportStatus.CUSTOMS_CLEARED,
          ExportStatus.SHIPMENT_BOOKED,
          ExportStatus.SHIPPED,
          ExportStatus.ARRIVED,
          ExportStatus.COMPLETED);

  record Step(ExportAction action, Organisation by) {}

  static final List<Step> HAPPY_PATH =
      List.of(
          new Step(ExportAction.VERIFY_AT_BANK, Organisation.COMMERCIAL_BANK),
          new Step(ExportAction.APPROVE_COMPLIANCE, Organisation.ECTA),
          new Step(ExportAction.CERTIFY_QUALITY, Organisation.ECX),
          new Step(ExportAction.APPROVE_FOREIGN_EXCHANGE, Organisation.NATIONAL_BANK),
          new Step(ExportAction.CLEAR_CUSTOMS, Organisation.CUSTOM_AUTHORITIES),
          new Step(ExportAction.BOOK_SHIPMENT, Organisation.SHIPPING_LINE),
          new Step(ExportAction.SHIP, Organisation.SHIPPING_LINE),
          new Step(ExportAction.CONFIRM_ARRIVAL, Organisation.SHIPPING_LINE),
          new Step(ExportAction.RECORD_REPATRIATION, Organisation.COMMERCIAL_BANK));

  /** The committed export as JSON, as every reader gets it. */
  String readJson(String exportId) {
    return ledger.evaluate(exporter(), ctx -> queries.readExport(ctx, exportId));
  }

  /** The export's committed versions (newest first) and its decision trail. */
  ExportQueryContract.History history(String exportId) {
    return et.coffeeexport.chaincode.support.CanonicalJson.fromBytes(
        ledger
            .evaluate(officer(Organisation.ECTA), ctx -> queries.readHistory(ctx, exportId))
            .getBytes(StandardCharsets.UTF_8),
        ExportQueryContract.History.class);
  }

  /** The last entry of the export's decision trail. */
  DecisionEntry lastDecision(String exportId) {
    List<DecisionEntry> trail = history(exportId).decisions();
    return trail.get(trail.size() - 1);
  }

  /**
   * Asserts that {@code transaction} fails with {@code code} and leaves the ledger exactly as it
   * was.
   */
  void refused(String code, Runnable transaction) {
    InMemoryLedger.Snapshot before = ledger.snapshot();
    org.assertj.core.api.Assertions.assertThatThrownBy(transaction::run)
        .isInstanceOf(org.hyperledger.fabric.shim.ChaincodeException.class)
        .hasMessageStartingWith(code + ": ");
    org.assertj.core.api.Assertions.assertThat(ledger.snapshot())
        .as("nothing changed")
        .isEqualTo(before);
  }

  /**
   * When set, the registry refuses to record overdue proceeds with this message, as the
   * user-management chaincode answers a refusal.
   */
  String overdueRefusal;

  /** The fake participant registry behind the cross-chaincode calls. */
  private Chaincode.Response registry(String chaincode, List<String> args) {
    registryCalls++;
    if (args.get(0).equals("ParticipantContract:recordOverdueProceeds")) {
      if (overdueRefusal != null) {
        return new Chaincode.Response(
            Chaincode.Response.Status.INTERNAL_SERVER_ERROR, overdueRefusal, null);
      }
      overdueRecorded.add(args.get(1) + "/" + args.get(2));
      exporterStatus.put(args.get(1), "DELINQUENT");
      return new Chaincode.Response(
          Chaincode.Response.Status.SUCCESS, null, "{}".getBytes(StandardCharsets.UTF_8));
    }
    if (!args.get(0).equals("ParticipantContract:standings")) {
      throw new IllegalArgumentException("unexpected call " + args);
    }
    String officer =
        args.get(2).equals("-")
            ? "NONE"
            : activeOfficers.contains(args.get(1) + "/" + args.get(2))
                ? "ACTIVE"
                : "NOT_REGISTERED";
    String exporter =
        args.get(3).equals("-")
            ? "NONE"
            : exporterStatus.getOrDefault(args.get(3), "NOT_REGISTERED");
    String buyer =
        args.get(4).equals("-")
            ? "NONE"
            : blacklistedBuyers.contains(args.get(4)) ? "BLACKLISTED" : "CLEAR";
    String json =
        "{\"buyer\":\""
            + buyer
            + "\",\"exporter\":\""
            + exporter
            + "\",\"officer\":\""
            + officer
            + "\"}";
    return new Chaincode.Response(
        Chaincode.Response.Status.SUCCESS, null, json.getBytes(StandardCharsets.UTF_8));
  }

  /** How many times the contract called the registry chaincode (once per transaction at most). */
  int registryCalls;
}
