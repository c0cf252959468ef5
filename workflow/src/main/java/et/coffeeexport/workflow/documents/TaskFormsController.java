package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the task forms in Tasklist read, in the officer's own session (the forms run in the
 * browser): the export and its verified documents. Only for someone who holds a task on that export
 * (assigned, or a candidate through their groups), and each document only for the organisations the
 * domain lets read it. Ledger reads are signed by the officer.
 */
@RestController
class TaskFormsController {
  private final LedgerIdentities identities;
  private final ExportDocumentsView view;
  private final DocumentStore documents;
  private final TaskHolders holders;

  TaskFormsController(
      LedgerIdentities identities,
      ExportDocumentsView view,
      DocumentStore documents,
      TaskHolders holders) {
    this.identities = identities;
    this.view = view;
    this.documents = documents;
    this.holders = holders;
  }

  @GetMapping(path = "/forms-api/exports/{exportId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode export(@PathVariable String exportId, Principal principal) throws IOException {
    return view.of(holder(principal, exportId), exportId);
  }

  @GetMapping("/forms-api/exports/{exportId}/documents/{type}")
  ResponseEntity<byte[]> document(
      @PathVariable String exportId, @PathVariable String type, Principal principal) {
    StoredIdentity reader = holder(principal, exportId);
    DocumentAccess.requireReadable(reader, type);
    var document = documents.download(reader, exportId, type);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("Content-Disposition", "inline; filename=\"" + exportId + "-" + type + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(document.content());
  }

  /** The signed-in person, if they hold a task on the export; 404 otherwise (no oracle). */
  private StoredIdentity holder(Principal principal, String exportId) {
    String username =
        principal instanceof OAuth2AuthenticationToken token
            ? token.getPrincipal().getAttribute("preferred_username")
            : principal.getName();
    if (username == null || !holders.holdsTaskOn(username, exportId)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no task of yours is on export " + exportId);
    }
    return identities.forUsername(username);
  }
}
