package et.coffeeexport.workflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess.Registration;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.ApplicationDocument;
import et.coffeeexport.domain.ApplicationKind;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import et.coffeeexport.workflow.submission.ApiProblems;
import et.coffeeexport.workflow.submission.AsPlatform;
import et.coffeeexport.workflow.submission.Exporters;
import et.coffeeexport.workflow.submission.FilingIds;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An exporter's applications as the API serves them: applying (the application recorded on the
 * ledger as the exporter, in the process's first step, and the process started once per
 * application), its documents (sealed into IPFS, anchored on the ledger's application, the process
 * told once both are there), and reading them back. The exporter is the one the caller's
 * certificate names; an exporter finds no other exporter's application.
 */
@Component
class ExporterApplications {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LedgerIdentities identities;
  private final UserManagementChaincode registry;
  private final DocumentStore documents;
  private final RuntimeService runtime;
  private final AsPlatform platform;
  private final ApplicationRecords records;
  private final TransactionTemplate transactions;

  ExporterApplications(
      LedgerIdentities identities,
      UserManagementChaincode registry,
      DocumentStore documents,
      RuntimeService runtime,
      AsPlatform platform,
      ApplicationRecords records,
      PlatformTransactionManager transactions) {
    this.identities = identities;
    this.registry = registry;
    this.documents = documents;
    this.runtime = runtime;
    this.platform = platform;
    this.records = records;
    this.transactions = new TransactionTemplate(transactions);
  }

  /**
   * An application's outcome: the application, and whether this request repeated an earlier one.
   */
  record Applied(LicenceApplication application, boolean repeated) {}

  /**
   * Applies once per Idempotency-Key: records who applied and starts the process, whose first step
   * puts the application on the ledger signed by the applicant, all in one transaction. A refusal
   * by the ledger starts nothing.
   */
  Applied apply(String username, String idempotencyKey, ApplicationKind kind, String request) {
    StoredIdentity applicant = identities.forUsername(username);
    String exporterId = Exporters.exporterIdOf(applicant);
    String applicationId = FilingIds.derived("LIC-", exporterId, idempotencyKey);
    boolean started =
        Boolean.TRUE.equals(
            transactions.execute(
                status -> start(username, exporterId, applicationId, kind, request)));
    return new Applied(registry.readApplication(applicant, exporterId, applicationId), !started);
  }

  private boolean start(
      String username,
      String exporterId,
      String applicationId,
      ApplicationKind kind,
      String request) {
    if (!records.record(applicationId, exporterId, username, kind)) {
      return false;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(Registration.APPLICATION_ID, applicationId);
    variables.put(Registration.EXPORTER_ID, exporterId);
    variables.put(Registration.APPLICATION_KIND, kind.name());
    // Read by the first step in this request only: never stored by the engine.
    variables.put(RegistryStep.REQUEST, Variables.stringValue(request, true));
    // The applicant decides the first step: it signs as them, with the application as its key.
    variables.put(LedgerActors.decidedBy(Registration.RECORD_APPLICATION), username);
    variables.put(LedgerActors.stepKey(Registration.RECORD_APPLICATION), applicationId);
    try {
      platform.run(
          () -> runtime.startProcessInstanceByKey(Registration.KEY, applicationId, variables));
    } catch (RuntimeException e) {
      // The first step's refusal by the ledger answers the request (the engine may wrap it).
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof LedgerRefusal refusal) {
          throw refusal;
        }
      }
      throw e;
    }
    return true;
  }

  /** The application, if it is the caller's. */
  LicenceApplication read(String username, String applicationId) {
    StoredIdentity applicant = identities.forUsername(username);
    return own(applicant, applicationId);
  }

  /**
   * Seals and stores a document, anchors it on the application as the applicant, and tells the
   * process once the application holds every document ECTA reviews.
   */
  ApplicationDocument upload(
      String username, String applicationId, String type, String contentType, byte[] content) {
    StoredIdentity applicant = identities.forUsername(username);
    DocumentType documentType = applicationDocument(type);
    LicenceApplication application = own(applicant, applicationId);
    if (application.status().isFinal()) {
      throw new ApiProblems.Conflict(
          "application " + applicationId + " is " + application.status() + ": ECTA decided it");
    }
    var stored = documents.store(subject(application), documentType.name(), contentType, content);
    var anchor =
        JSON.createObjectNode()
            .put("type", documentType.name())
            .put("cid", stored.cid())
            .put("sha256", stored.sha256())
            .put("sizeBytes", stored.sizeBytes());
    ApplicationDocument anchored =
        registry.anchorApplicationDocument(applicant, applicationId, anchor.toString());
    if (application.withDocument(anchored).missingDocuments().isEmpty()) {
      // Once the process waits for them; later versions find it past that point. Its own job may
      // be moving it at this moment: a clash is tried again.
      platform.change(
          () ->
              runtime
                  .createMessageCorrelation(Registration.DOCUMENTS_COMPLETE)
                  .processInstanceBusinessKey(applicationId)
                  .correlateAll());
    }
    return anchored;
  }

  /** The latest version of one of the caller's application's documents, checked against it. */
  DocumentStore.Opened download(String username, String applicationId, String type) {
    StoredIdentity applicant = identities.forUsername(username);
    return latest(own(applicant, applicationId), applicationDocument(type));
  }

  /** The latest version of {@code type} the application holds, opened and verified. */
  DocumentStore.Opened latest(LicenceApplication application, DocumentType type) {
    ApplicationDocument latest =
        application.documents().stream()
            .filter(d -> d.type() == type)
            .reduce((a, b) -> b.version() > a.version() ? b : a)
            .orElseThrow(
                () ->
                    new ApiProblems.NotFound(
                        "application " + application.applicationId() + " has no " + type));
    return documents.open(subject(application), type.name(), latest.cid(), latest.sha256());
  }

  /** What a document is sealed to: its application, which no export id can be. */
  static String subject(LicenceApplication application) {
    return "application/" + application.exporterId() + "/" + application.applicationId();
  }

  private LicenceApplication own(StoredIdentity applicant, String applicationId) {
    String exporterId = Exporters.exporterIdOf(applicant);
    try {
      return registry.readApplication(applicant, exporterId, applicationId);
    } catch (LedgerRefusal e) {
      throw new ApiProblems.NotFound("no application " + applicationId);
    }
  }

  private static DocumentType applicationDocument(String type) {
    for (DocumentType t : DocumentType.values()) {
      if (t.name().equals(type) && t.ofLicenceApplications()) {
        return t;
      }
    }
    throw new ApiProblems.BadRequest(
        "type must be one of an application's documents: EXPORT_LICENCE, COMPETENCE_CERTIFICATE");
  }
}
