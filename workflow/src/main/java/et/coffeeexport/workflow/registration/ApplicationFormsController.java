package et.coffeeexport.workflow.registration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.documents.DocumentTampered;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.ApplicationDocument;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.LicenceApplication;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.documents.DocumentAccess;
import et.coffeeexport.workflow.documents.TaskHolders;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What ECTA's review form reads in the officer's own session: the application as the ledger holds
 * it and its documents, each opened and checked against its anchor. Only for someone holding the
 * review's task (the application is its process's business key); ledger reads are signed by them.
 */
@RestController
class ApplicationFormsController {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final LedgerIdentities identities;
  private final UserManagementChaincode registry;
  private final ApplicationRecords records;
  private final ExporterApplications applications;
  private final TaskHolders holders;

  ApplicationFormsController(
      LedgerIdentities identities,
      UserManagementChaincode registry,
      ApplicationRecords records,
      ExporterApplications applications,
      TaskHolders holders) {
    this.identities = identities;
    this.registry = registry;
    this.records = records;
    this.applications = applications;
    this.holders = holders;
  }

  /**
   * {@code {"application": {...}, "documents": [{type, version, verified}], "missingDocuments"}}.
   */
  @GetMapping(
      path = "/forms-api/applications/{applicationId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode application(@PathVariable String applicationId, Principal principal) {
    LicenceApplication application = held(principal, applicationId);
    ObjectNode view = JSON.createObjectNode();
    view.set("application", JSON.valueToTree(application));
    Map<DocumentType, ApplicationDocument> latest = new LinkedHashMap<>();
    application
        .documents()
        .forEach(d -> latest.merge(d.type(), d, (a, b) -> a.version() >= b.version() ? a : b));
    var list = view.putArray("documents");
    latest
        .values()
        .forEach(
            d ->
                list.addObject()
                    .put("type", d.type().name())
                    .put("version", d.version())
                    .put("sha256", d.sha256())
                    .put("verified", verified(application, d.type())));
    view.set("missingDocuments", JSON.valueToTree(application.missingDocuments()));
    return view;
  }

  @GetMapping("/forms-api/applications/{applicationId}/documents/{type}")
  ResponseEntity<byte[]> document(
      @PathVariable String applicationId, @PathVariable String type, Principal principal) {
    LicenceApplication application = held(principal, applicationId);
    DocumentType known = DocumentAccess.requireReadable(reader(principal), type);
    var document = applications.latest(application, known);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("Content-Disposition", "inline; filename=\"" + applicationId + "-" + type + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(document.content());
  }

  private boolean verified(LicenceApplication application, DocumentType type) {
    try {
      applications.latest(application, type);
      return true;
    } catch (DocumentTampered e) {
      return false;
    }
  }

  /** The application, if the signed-in person holds a task on it; 404 otherwise (no oracle). */
  private LicenceApplication held(Principal principal, String applicationId) {
    String username = username(principal);
    if (username == null || !holders.holdsTaskOn(username, applicationId)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no task of yours is on application " + applicationId);
    }
    String exporterId =
        records
            .exporterOf(applicationId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return registry.readApplication(reader(principal), exporterId, applicationId);
  }

  private StoredIdentity reader(Principal principal) {
    return identities.forUsername(username(principal));
  }

  private static String username(Principal principal) {
    return principal instanceof OAuth2AuthenticationToken token
        ? token.getPrincipal().getAttribute("preferred_username")
        : principal.getName();
  }
}
