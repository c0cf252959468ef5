package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.documents.DocumentTampered;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An export with its documents as a task form shows them: the record from the ledger (through the
 * cache), and each document's latest version downloaded and checked against its anchor.
 */
@Component
public class ExportDocumentsView {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CachedLedgerReads reads;
  private final CoffeeExportChaincode ledger;
  private final DocumentStore documents;

  ExportDocumentsView(
      CachedLedgerReads reads, CoffeeExportChaincode ledger, DocumentStore documents) {
    this.reads = reads;
    this.ledger = ledger;
    this.documents = documents;
  }

  /**
   * {@code {"export": {...}, "documents": [{type, version, cid, sha256, readable, verified,
   * contentType, pages}]}}.
   */
  public ObjectNode of(StoredIdentity reader, String exportId) throws IOException {
    ObjectNode view = JSON.createObjectNode();
    view.set("export", JSON.valueToTree(reads.export(reader, exportId)));
    var list = view.putArray("documents");
    for (DocumentAnchor anchor : latestAnchors(reader, exportId).values()) {
      ObjectNode d = list.addObject();
      d.put("type", anchor.type().name());
      d.put("version", anchor.version());
      d.put("cid", anchor.cid());
      d.put("sha256", anchor.sha256());
      boolean readable = DocumentAccess.mayRead(reader, anchor.type());
      d.put("readable", readable);
      // Only what the reader may read is opened: the others are shown as anchored, unread.
      if (readable) {
        opened(d, reader, exportId, anchor.type().name());
      }
    }
    return view;
  }

  /**
   * Downloads the document and says whether it is the one anchored, its content type and, for a
   * PDF, how many pages the form can show inline.
   */
  private void opened(ObjectNode d, Signatory reader, String exportId, String type) {
    try {
      var document = documents.download(reader, exportId, type);
      d.put("verified", true);
      d.put("contentType", document.contentType());
      if (DocumentPages.PDF.equals(document.contentType())) {
        DocumentPages.count(document.content()).ifPresent(n -> d.put("pages", n));
      }
    } catch (DocumentTampered e) {
      d.put("verified", false);
    }
  }

  private Map<String, DocumentAnchor> latestAnchors(StoredIdentity reader, String exportId) {
    Map<String, DocumentAnchor> latest = new LinkedHashMap<>();
    for (DocumentAnchor a : ledger.listDocuments(reader, exportId)) {
      latest.merge(a.type().name(), a, (x, y) -> x.version() >= y.version() ? x : y);
    }
    return latest;
  }
}
