package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the task forms in Tasklist read, in the officer's own session (the forms run in the
 * browser): the export and its verified documents. Ledger reads are signed by the officer.
 */
@RestController
class TaskFormsController {
  private final LedgerIdentities identities;
  private final ExportDocumentsView view;
  private final DocumentStore documents;

  TaskFormsController(
      LedgerIdentities identities, ExportDocumentsView view, DocumentStore documents) {
    this.identities = identities;
    this.view = view;
    this.documents = documents;
  }

  @GetMapping(path = "/forms-api/exports/{exportId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ObjectNode export(@PathVariable String exportId, Principal principal) throws IOException {
    return view.of(reader(principal), exportId);
  }

  @GetMapping("/forms-api/exports/{exportId}/documents/{type}")
  ResponseEntity<byte[]> document(
      @PathVariable String exportId, @PathVariable String type, Principal principal) {
    StoredIdentity reader = reader(principal);
    var document = documents.download(reader, exportId, type);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(document.contentType()))
        .header("Content-Disposition", "inline; filename=\"" + exportId + "-" + type + "\"")
        .body(document.content());
  }

  private StoredIdentity reader(Principal principal) {
    String username =
        principal instanceof OAuth2AuthenticationToken token
            ? token.getPrincipal().getAttribute("preferred_username")
            : principal.getName();
    return identities.forUsername(username);
  }
}
