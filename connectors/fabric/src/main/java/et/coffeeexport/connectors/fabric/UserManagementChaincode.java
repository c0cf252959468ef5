package et.coffeeexport.connectors.fabric;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.domain.ApplicationDocument;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.domain.RegistryAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code user-management} chaincode (the participant registry and the exporters' licence
 * applications) as typed methods. Exporters' entries and applications are answered in the domain's
 * records ({@link RegisteredExporter}, {@link LicenceApplication}); officers' and buyers' entries
 * as JSON trees, which the workflow only shows.
 */
public final class UserManagementChaincode {
  private static final String CHAINCODE = "user-management";
  private static final String REGISTRY = "ParticipantContract";
  private static final String APPLICATIONS = "LicenceApplicationContract";

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

  /** An exporter's registry entry; a {@code NOT_FOUND} refusal when unregistered. */
  public RegisteredExporter readExporter(Signatory reader, String exporterId) {
    return Answers.read(query(reader, "readExporter", exporterId), RegisteredExporter.class);
  }

  /**
   * The exporter named by {@code exporter}'s certificate applies for its registration or the
   * renewal of its licence ({@code applicationJson}: {@code kind} and the profile, or the new
   * expiry days). Sent again with the same content by the same exporter, it is answered as it
   * stands.
   */
  public LicenceApplication applyForLicence(
      Signatory exporter, String applicationId, String applicationJson) {
    return Answers.read(
        decide(exporter, RegistryAction.APPLY, applicationId, applicationJson).result(),
        LicenceApplication.class);
  }

  /**
   * The applicant anchors a document's new version ({@code {"type","cid","sha256","sizeBytes"}}).
   */
  public ApplicationDocument anchorApplicationDocument(
      Signatory exporter, String applicationId, String anchorJson) {
    return Answers.read(
        ledger
            .submit(
                LedgerCall.of(
                    exporter,
                    CHAINCODE,
                    APPLICATIONS,
                    "anchorApplicationDocument",
                    applicationId,
                    anchorJson))
            .result(),
        ApplicationDocument.class);
  }

  /**
   * ECTA registers the applicant or renews its licence ({@link RegistryAction#REGISTER}, {@link
   * RegistryAction#RENEW}); the same officer taking the same decision again is answered, not
   * refused. Answers the exporter's entry as it now stands.
   */
  public Written<RegisteredExporter> grant(
      Signatory ecta, RegistryAction action, String exporterId, String applicationId) {
    if (action != RegistryAction.REGISTER && action != RegistryAction.RENEW) {
      throw new IllegalArgumentException(action + " grants nothing");
    }
    return decide(ecta, action, exporterId, applicationId).written(RegisteredExporter.class);
  }

  /** ECTA refuses an application with {@code reasons}; answers the application as refused. */
  public Written<LicenceApplication> refuseApplication(
      Signatory ecta, String exporterId, String applicationId, List<String> reasons) {
    String reasonsJson =
        Answers.JSON
            .createObjectNode()
            .set("reasons", Answers.JSON.valueToTree(reasons))
            .toString();
    return decide(ecta, RegistryAction.REFUSE, exporterId, applicationId, reasonsJson)
        .written(LicenceApplication.class);
  }

  /** One application; an exporter reads only its own. */
  public LicenceApplication readApplication(
      Signatory reader, String exporterId, String applicationId) {
    return Answers.read(
        ledger.evaluate(
            LedgerCall.of(
                reader, CHAINCODE, APPLICATIONS, "readApplication", exporterId, applicationId)),
        LicenceApplication.class);
  }

  /**
   * Every application of an exporter, in the order of their ids; an exporter reads only its own.
   */
  public List<LicenceApplication> listApplications(Signatory reader, String exporterId) {
    return List.of(
        Answers.read(
            ledger.evaluate(
                LedgerCall.of(reader, CHAINCODE, APPLICATIONS, "listApplications", exporterId)),
            LicenceApplication[].class));
  }

  private Committed decide(Signatory signer, RegistryAction action, String... args) {
    return ledger.submit(
        LedgerCall.of(signer, CHAINCODE, APPLICATIONS, action.transaction(), args));
  }

  /**
   * The standing that decides whether an exporter may act, or {@code LICENCE_EXPIRED}; a {@code
   * NOT_FOUND} refusal when unregistered.
   */
  public String exporterStatus(Signatory reader, String exporterId) {
    return text(query(reader, "exporterStatus", exporterId));
  }

  public Written<JsonNode> blacklistBuyer(
      Signatory ecta, String buyerId, String name, String country, String reason) {
    return submit(ecta, "blacklistBuyer", buyerId, name, country, reason).writtenTree();
  }

  public Written<JsonNode> removeBuyerFromBlacklist(Signatory ecta, String buyerId, String reason) {
    return submit(ecta, "removeBuyerFromBlacklist", buyerId, reason).writtenTree();
  }

  public JsonNode readBuyer(Signatory reader, String buyerId) {
    return Answers.tree(query(reader, "readBuyer", buyerId));
  }

  // --- Standing changes, the blacklist's decisions and the registry's trail ------------------

  /**
   * Changes an exporter's standing with its reasons and the documents recorded with it (references
   * such as an export's anchored document; the repatriation evidence when National Bank clears a
   * delinquency). A ban or reinstatement is the co-signature of a pending proposal.
   */
  public Written<JsonNode> changeExporterStanding(
      Signatory officer,
      String exporterId,
      ExporterStanding standing,
      List<String> reasons,
      List<String> documents) {
    return standingCall(
        officer, "changeExporterStanding", exporterId, standing, reasons, documents);
  }

  /** An officer proposes a change a supervisor of the same organisation must co-sign. */
  public Written<JsonNode> proposeStandingChange(
      Signatory officer,
      String exporterId,
      ExporterStanding standing,
      List<String> reasons,
      List<String> documents) {
    return standingCall(officer, "proposeStandingChange", exporterId, standing, reasons, documents);
  }

  /**
   * An officer or supervisor of the proposing organisation withdraws its pending proposal to change
   * {@code exporterId} to {@code standing}; answers the withdrawn proposal.
   */
  public Written<JsonNode> withdrawStandingProposal(
      Signatory officer, String exporterId, ExporterStanding standing) {
    return submit(officer, "withdrawStandingProposal", exporterId, standing.name()).writtenTree();
  }

  /**
   * The registry's decisions on an exporter ({@code subject} {@code exporter}) or a buyer ({@code
   * buyer}), oldest first: who decided (organisation, role, user id), from and to, reasons,
   * documents, the co-signed proposal.
   */
  public JsonNode registryDecisions(Signatory reader, String subject, String subjectId) {
    return Answers.tree(query(reader, "registryDecisions", subject, subjectId));
  }

  private Written<JsonNode> standingCall(
      Signatory officer,
      String transaction,
      String exporterId,
      ExporterStanding standing,
      List<String> reasons,
      List<String> documents) {
    var json = Answers.JSON.createObjectNode();
    json.set("reasons", Answers.JSON.valueToTree(reasons));
    json.set("documents", Answers.JSON.valueToTree(documents));
    return submit(officer, transaction, exporterId, standing.name(), json.toString()).writtenTree();
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
