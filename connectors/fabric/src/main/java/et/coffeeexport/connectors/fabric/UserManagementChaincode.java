package et.coffeeexport.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.domain.ExporterStanding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code user-management} chaincode (the participant registry) as typed methods. Registry
 * entries are answered as JSON trees: the workflow shows them and decides nothing from their
 * fields; the standings the chaincodes decide on are typed.
 */
public final class UserManagementChaincode {
  private static final String CHAINCODE = "user-management";
  private static final String REGISTRY = "ParticipantContract";

  private final ExportLedger ledger;

  UserManagementChaincode(ExportLedger ledger) {
    this.ledger = ledger;
  }

  /** An organisation's administrator registers one of its officers (or supervisors). */
  public String registerOfficer(Signatory admin, String enrollmentId, String role, String userId) {
    return submit(admin, "registerOfficer", enrollmentId, role, userId).transactionId();
  }

  /** An organisation's administrator deactivates one of its officers. */
  public String deactivateOfficer(Signatory admin, String enrollmentId) {
    return submit(admin, "deactivateOfficer", enrollmentId).transactionId();
  }

  /** {@code ACTIVE} or {@code INACTIVE}; a {@code NOT_FOUND} refusal when never registered. */
  public String officerStatus(Signatory reader, String mspId, String enrollmentId) {
    return text(query(reader, "officerStatus", mspId, enrollmentId));
  }

  /** ECTA licenses an exporter ({@code profileJson}: licence, certificate, TIN, capital). */
  public JsonNode registerExporter(Signatory ecta, String exporterId, String profileJson) {
    return Answers.tree(submit(ecta, "registerExporter", exporterId, profileJson).result());
  }

  public JsonNode changeExporterStanding(
      Signatory officer, String exporterId, ExporterStanding standing, List<String> reasons) {
    String reasonsJson = Answers.JSON.valueToTree(reasons).toString();
    return Answers.tree(
        submit(officer, "changeExporterStanding", exporterId, standing.name(), reasonsJson)
            .result());
  }

  public JsonNode readExporter(Signatory reader, String exporterId) {
    return Answers.tree(query(reader, "readExporter", exporterId));
  }

  /**
   * The standing that decides whether an exporter may act, or {@code LICENCE_EXPIRED}; a {@code
   * NOT_FOUND} refusal when unregistered.
   */
  public String exporterStatus(Signatory reader, String exporterId) {
    return text(query(reader, "exporterStatus", exporterId));
  }

  public JsonNode blacklistBuyer(
      Signatory ecta, String buyerId, String name, String country, String reason) {
    return Answers.tree(submit(ecta, "blacklistBuyer", buyerId, name, country, reason).result());
  }

  public JsonNode removeBuyerFromBlacklist(Signatory ecta, String buyerId, String reason) {
    return Answers.tree(submit(ecta, "removeBuyerFromBlacklist", buyerId, reason).result());
  }

  public JsonNode readBuyer(Signatory reader, String buyerId) {
    return Answers.tree(query(reader, "readBuyer", buyerId));
  }

  private Committed submit(Signatory signer, String transaction, String... args) {
    return ledger.submit(LedgerCall.of(signer, CHAINCODE, REGISTRY, transaction, args));
  }

  private byte[] query(Signatory reader, String transaction, String... args) {
    return ledger.evaluate(LedgerCall.of(reader, CHAINCODE, REGISTRY, transaction, args));
  }

  private static String text(byte[] answer) {
    return new String(answer, StandardCharsets.UTF_8).trim();
  }
}
