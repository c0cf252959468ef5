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

  /**
   * A PDF document's page as an image, for the form to show inline; 404 for a page it does not
   * have, 422 for content that is not a readable PDF (the officer opens or downloads it instead).
   */
  @GetMapping(path = "/forms-api/exports/{exportId}/documents/{type}/pages/{page}")
  ResponseEntity<byte[]> page(
      @PathVariable String exportId,
      @PathVariable String type,
      @PathVariable int page,
      Principal principal) {
    StoredIdentity reader = holder(principal, exportId);
    DocumentAccess.requireReadable(reader, type);
    var document = documents.download(reader, exportId, type);
    if (!DocumentPages.PDF.equals(document.contentType())) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, type + " is an image, not a PDF: it has no pages");
    }
    try {
      return ResponseEntity.ok()
          .contentType(MediaType.IMAGE_PNG)
          .header("X-Content-Type-Options", "nosniff")
          .header("Cache-Control", "private, max-age=300")
          .body(DocumentPages.png(document.content(), page));
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
    } catch (IOException e) {
      throw new ResponseStatusException(
          HttpStatus.UNPROCESSABLE_ENTITY, type + " cannot be read as a PDF: open it instead");
    }
  }

  /** The signed-in person, if they hold a task on the export; 404 otherwise (no oracle). */
  private StoredIdentity holder(Principal principal, String exportId) {
    String username = SignedIn.username(principal);
    if (username == null || !holders.holdsTaskOn(username, exportId)) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no task of yours is on export " + exportId);
    }
    return identities.forUsername(username);
  }
}
