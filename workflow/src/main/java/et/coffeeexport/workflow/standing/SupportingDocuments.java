package et.coffeeexport.workflow.standing;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.RefusalCode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The supporting documents of a standing change, as the registry records them. A reference to an
 * export's document ({@code EXPORT-ID/DOCUMENT_TYPE}) is resolved against the ledger's anchors and
 * recorded with its version, SHA-256 and CID, so anyone can later prove which document it was; a
 * reference the ledger does not hold is refused back to the officer. Anything else (a regulator's
 * own file reference) is recorded as given.
 */
@Component
class SupportingDocuments {
  private static final Pattern EXPORT_DOCUMENT =
      Pattern.compile("([A-Za-z0-9._-]{1,64})/([A-Z_]+)");

  private final CoffeeExportChaincode ledger;

  SupportingDocuments(CoffeeExportChaincode ledger) {
    this.ledger = ledger;
  }

  List<String> resolve(Signatory reader, List<String> references) {
    List<String> recorded = new ArrayList<>();
    for (String reference : references) {
      var m = EXPORT_DOCUMENT.matcher(reference);
      DocumentType type = m.matches() ? type(m.group(2)) : null;
      recorded.add(type == null ? reference : anchored(reader, m.group(1), type));
    }
    return recorded;
  }

  /** The latest anchor of {@code type} on the export, as a reference that names its content. */
  String anchored(Signatory reader, String exportId, DocumentType type) {
    return ledger.listDocuments(reader, exportId).stream()
        .filter(d -> d.type() == type)
        .max(Comparator.comparingInt(DocumentAnchor::version))
        .map(
            d ->
                exportId
                    + "/"
                    + type
                    + " v"
                    + d.version()
                    + " sha256:"
                    + d.sha256()
                    + " cid:"
                    + d.cid())
        .orElseThrow(
            () ->
                new LedgerRefusal(
                    RefusalCode.PRECONDITION_FAILED,
                    "no " + type + " is anchored on export " + exportId));
  }

  private static DocumentType type(String name) {
    try {
      return DocumentType.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
