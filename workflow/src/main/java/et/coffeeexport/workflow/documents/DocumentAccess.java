package et.coffeeexport.workflow.documents;

import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.Role;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read a document's content: the organisations the domain names for its type, and the
 * export's own exporter (whose ownership the caller has checked: the submission API finds only the
 * exporter's own exports). Everyone else sees that the document exists, never what it says.
 */
public final class DocumentAccess {
  private DocumentAccess() {}

  /** Refuses (403) unless {@code reader} may read documents of {@code type}. */
  public static DocumentType requireReadable(StoredIdentity reader, String type) {
    DocumentType known =
        parse(type)
            .orElseThrow(
                () ->
                    new ResponseStatusException(HttpStatus.NOT_FOUND, "no document type " + type));
    if (!mayRead(reader, known)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN,
          "documents of type " + known + " are not readable by " + reader.org() + " officers");
    }
    return known;
  }

  static boolean mayRead(StoredIdentity reader, DocumentType type) {
    return reader.ledgerRole() == Role.EXPORTER || type.readableBy(reader.organisation());
  }

  private static Optional<DocumentType> parse(String type) {
    try {
      return Optional.of(DocumentType.valueOf(type));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
