package et.coffeeexport.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.RuleSetProposal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code coffee-export} chaincode as typed methods: one per transaction and query, answering
 * the shared vocabulary's records and refusing with {@link LedgerRefusal} (its stable code) or
 * failing with {@link LedgerUnavailable} (retry later). Every call goes through the signatory's own
 * organisation's peers.
 *
 * <p>Lifecycle steps take an optional <em>step key</em>: the workflow passes the id of the job that
 * runs the step, so that a job retried after the engine rolled back finds its decision already on
 * the ledger and gets the export back instead of a refusal.
 */
public final class CoffeeExportChaincode {
  private static final String CHAINCODE = "coffee-export";
  private static final String LIFECYCLE = "ExportContract";
  private static final String QUERIES = "ExportQueryContract";
  private static final String DOCUMENTS = "DocumentContract";
  private static final String RULES = "RuleContract";

  /**
   * Who endorses a transaction that carries private terms or amounts: two members of the private
   * collection (its policy asks for two, and transient data must reach no one else). Commercial
   * Bank is where exporters and the bank act; ECTA is the witness.
   */
  public static final List<Organisation> TERMS_ENDORSERS =
      List.of(Organisation.COMMERCIAL_BANK, Organisation.ECTA);

  /** The transient field the chaincode reads the step key from. */
  static final String STEP = "step";

  private final ExportLedger ledger;

  CoffeeExportChaincode(ExportLedger ledger) {
    this.ledger = ledger;
  }

  // --- The lifecycle -------------------------------------------------------------------------

  /**
   * Files a new export for the exporter; the commercial terms travel as transient data to the
   * members of the private collection only.
   */
  public Decided file(Signatory exporter, String exportId, String requestJson, String termsJson) {
    return file(exporter, exportId, requestJson, termsJson, null);
  }

  public Decided file(
      Signatory exporter, String exportId, String requestJson, String termsJson, String stepKey) {
    return privately(
        exporter,
        ExportAction.SUBMIT,
        exportId,
        requestJson,
        Map.of("terms", utf8(termsJson)),
        stepKey);
  }

  /**
   * Takes a lifecycle action that needs no private input: a stage's approval (its facts as JSON), a
   * return, a rejection, a cancellation ({@code {"reasons":[...]}}), shipping's records, ECTA's
   * extension of the shipment deadline ({@code {"newShipmentDate":"YYYY-MM-DD","reasons":[...]}}).
   *
   * @param input the transaction's JSON argument; blank means {@code {}}
   * @param stepKey the workflow's idempotency key for this step, or null
   */
  public Decided take(
      Signatory signer, ExportAction action, String exportId, String input, String stepKey) {
    switch (action) {
      case SUBMIT, RECORD_REPATRIATION, MARK_REPATRIATION_OVERDUE ->
          throw new IllegalArgumentException(action + " has its own method");
      default -> {
        // taken below
      }
    }
    if (action == ExportAction.AMEND) {
      return amend(signer, exportId, input, null, stepKey);
    }
    String argument = input == null || input.isBlank() ? "{}" : input;
    return decided(
        stepped(
            LedgerCall.of(signer, CHAINCODE, LIFECYCLE, action.transaction(), exportId, argument),
            stepKey));
  }

  public Decided take(Signatory signer, ExportAction action, String exportId, String input) {
    return take(signer, action, exportId, input, null);
  }

  /**
   * The exporter's amendment; new commercial terms, when the amendment changes them, travel as
   * transient data.
   */
  public Decided amend(
      Signatory exporter, String exportId, String requestJson, String termsJson, String stepKey) {
    return privately(
        exporter,
        ExportAction.AMEND,
        exportId,
        requestJson,
        termsJson == null ? Map.of() : Map.of("terms", utf8(termsJson)),
        stepKey);
  }

  /**
   * The proceeds came home: the reference and date are public, the amount goes to the private
   * collection only.
   */
  public Decided recordRepatriation(
      Signatory bank, String exportId, String statedJson, BigDecimal amountUsd, String stepKey) {
    ObjectNode amount = Answers.JSON.createObjectNode().put("amountUsd", amountUsd);
    return privately(
        bank,
        ExportAction.RECORD_REPATRIATION,
        exportId,
        statedJson,
        Map.of("repatriation", utf8(amount.toString())),
        stepKey);
  }

  /**
   * National Bank's oversight: the proceeds are overdue; the exporter becomes delinquent in the
   * same transaction. Marking twice changes nothing.
   */
  public Decided markRepatriationOverdue(Signatory bank, String exportId) {
    return decided(
        LedgerCall.of(
            bank,
            CHAINCODE,
            LIFECYCLE,
            ExportAction.MARK_REPATRIATION_OVERDUE.transaction(),
            exportId));
  }

  // --- Queries -------------------------------------------------------------------------------

  public ExportSnapshot readExport(Signatory reader, String exportId) {
    return Answers.read(query(reader, QUERIES, "readExport", exportId), ExportSnapshot.class);
  }

  /** The export's earlier versions and its decision trail. */
  public ExportHistory readHistory(Signatory reader, String exportId) {
    return Answers.read(query(reader, QUERIES, "readHistory", exportId), ExportHistory.class);
  }

  public ExportPage queryByStatus(
      Signatory reader, ExportStatus status, int pageSize, String bookmark) {
    return Answers.read(
        query(
            reader,
            QUERIES,
            "queryByStatus",
            status.name(),
            Integer.toString(pageSize),
            bookmark == null ? "" : bookmark),
        ExportPage.class);
  }

  public ExportPage queryByExporter(
      Signatory reader, String exporterId, int pageSize, String bookmark) {
    return Answers.read(
        query(
            reader,
            QUERIES,
            "queryByExporter",
            exporterId,
            Integer.toString(pageSize),
            bookmark == null ? "" : bookmark),
        ExportPage.class);
  }

  /** The private terms: for members of the collection and the export's own exporter. */
  public ExportTerms readTerms(Signatory reader, String exportId) {
    return Answers.read(query(reader, QUERIES, "readTerms", exportId), ExportTerms.class);
  }

  /** The repatriated amount, for members of the collection; empty before it is recorded. */
  public Optional<BigDecimal> readRepatriation(Signatory reader, String exportId) {
    JsonNode amount = Answers.tree(query(reader, QUERIES, "readRepatriation", exportId));
    return amount.hasNonNull("amountUsd")
        ? Optional.of(amount.get("amountUsd").decimalValue())
        : Optional.empty();
  }

  public boolean verifyTerms(Signatory reader, String exportId, String termsJson) {
    return Boolean.parseBoolean(
        new String(
                query(reader, QUERIES, "verifyTerms", exportId, termsJson), StandardCharsets.UTF_8)
            .trim());
  }

  // --- Documents -----------------------------------------------------------------------------

  /** Anchors a sealed document's CID and plaintext SHA-256; answers the new version's anchor. */
  public DocumentAnchor anchorDocument(Signatory uploader, String exportId, String anchorJson) {
    return Answers.read(
        ledger
            .submit(
                LedgerCall.of(
                    uploader, CHAINCODE, DOCUMENTS, "anchorDocument", exportId, anchorJson))
            .result(),
        DocumentAnchor.class);
  }

  /** Every version of every document anchored for the export. */
  public List<DocumentAnchor> listDocuments(Signatory reader, String exportId) {
    return Arrays.asList(
        Answers.read(query(reader, DOCUMENTS, "listDocuments", exportId), DocumentAnchor[].class));
  }

  // --- Rules and prices ----------------------------------------------------------------------

  /** The rule set in force for what is filed now. */
  public RuleSet readRuleSet(Signatory reader) {
    return Answers.read(query(reader, RULES, "readRuleSet"), RuleSet.class);
  }

  /** The co-signed rule set {@code version}: the one an export filed under it keeps applying. */
  public RuleSet readRuleSet(Signatory reader, int version) {
    return Answers.read(
        query(reader, RULES, "readRuleSetVersion", Integer.toString(version)), RuleSet.class);
  }

  /** The newest co-signed rule set, which may take effect later: the next proposal builds on it. */
  public RuleSet readLatestRuleSet(Signatory reader) {
    return Answers.read(query(reader, RULES, "readLatestRuleSet"), RuleSet.class);
  }

  /** ECTA's proposal of rule set {@code version} with its hash. */
  public RuleSetProposal readRuleSetProposal(Signatory reader, int version) {
    return Answers.read(
        query(reader, RULES, "readRuleSetProposal", Integer.toString(version)),
        RuleSetProposal.class);
  }

  /** Publishes the first rule set (ECTA's administrator, once; deploy.sh does it). */
  public RuleSet publishRuleSet(Signatory ecta, String ruleSetJson) {
    return directive(RuleSet.class, ecta, "publishRuleSet", ruleSetJson);
  }

  /** ECTA proposes the next rule set version, dated; not in force until co-signed. */
  public Written<RuleSetProposal> proposeRuleSet(Signatory ecta, String ruleSetJson) {
    return written(RuleSetProposal.class, ecta, "proposeRuleSet", ruleSetJson);
  }

  /**
   * A National Bank supervisor co-signs the proposal of {@code version} whose hash is {@code
   * proposalHash}; answers the co-signed rule set.
   */
  public Written<RuleSet> cosignRuleSet(Signatory nationalBank, int version, String proposalHash) {
    return written(
        RuleSet.class, nationalBank, "cosignRuleSet", Integer.toString(version), proposalHash);
  }

  /**
   * ECTA withdraws its proposal of {@code version} whose hash is {@code proposalHash}, not
   * co-signed yet; answers the withdrawn proposal.
   */
  public Written<RuleSetProposal> withdrawRuleSetProposal(
      Signatory ecta, int version, String proposalHash) {
    return written(
        RuleSetProposal.class,
        ecta,
        "withdrawRuleSetProposal",
        Integer.toString(version),
        proposalHash);
  }

  public Written<PriceFloor> proposePriceFloor(Signatory ecta, String floorJson) {
    return written(PriceFloor.class, ecta, "proposePriceFloor", floorJson);
  }

  public Written<PriceFloor> cosignPriceFloor(
      Signatory nationalBank, String grade, String origin, String process, String effectiveDate) {
    return written(
        PriceFloor.class, nationalBank, "cosignPriceFloor", grade, origin, process, effectiveDate);
  }

  /** Submits a transaction of the directives' contract and reads its answer. */
  private <T> T directive(Class<T> answer, Signatory signer, String transaction, String... args) {
    return written(answer, signer, transaction, args).answer();
  }

  /** A directive's answer with the transaction that recorded it. */
  private <T> Written<T> written(
      Class<T> answer, Signatory signer, String transaction, String... args) {
    return ledger
        .submit(LedgerCall.of(signer, CHAINCODE, RULES, transaction, args))
        .written(answer);
  }

  public List<PriceFloor> listPriceFloors(
      Signatory reader, String grade, String origin, String process) {
    return Arrays.asList(
        Answers.read(
            query(reader, RULES, "listPriceFloors", grade, origin, process), PriceFloor[].class));
  }

  // --- Events ------------------------------------------------------------------------------

  /**
   * The chaincode's events from a checkpoint ({@code startBlock} negative: from the first block),
   * on one of the listener's organisation's peers; the next call after a failure uses the next.
   */
  public EventStream events(Signatory listener, long startBlock, String afterTransaction) {
    return ledger.events(listener, CHAINCODE, startBlock, afterTransaction);
  }

  // --- How -----------------------------------------------------------------------------------

  private byte[] query(Signatory reader, String contract, String transaction, String... args) {
    return ledger.evaluate(LedgerCall.of(reader, CHAINCODE, contract, transaction, args));
  }

  private Decided decided(LedgerCall call) {
    Committed committed = ledger.submit(call);
    return new Decided(
        Answers.read(committed.result(), ExportSnapshot.class),
        committed.transactionId(),
        committed.blockNumber());
  }

  /** A lifecycle step with private inputs, endorsed only by the collection's members. */
  private Decided privately(
      Signatory signer,
      ExportAction action,
      String exportId,
      String argument,
      Map<String, byte[]> transientData,
      String stepKey) {
    return decided(
        stepped(
            LedgerCall.of(signer, CHAINCODE, LIFECYCLE, action.transaction(), exportId, argument)
                .privately(transientData),
            stepKey));
  }

  private static LedgerCall stepped(LedgerCall call, String stepKey) {
    return stepKey == null ? call : call.withTransient(STEP, utf8(stepKey));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
