package et.coffeeexport.workflow.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.documents.DocumentStore;
import et.coffeeexport.connectors.documents.DocumentTampered;
import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.connectors.fabric.Signatory;
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
  private final ExportLedger ledger;
  private final DocumentStore documents;

  ExportDocumentsView(CachedLedgerReads reads, ExportLedger ledger, DocumentStore documents) {
    this.reads = reads;
    this.ledger = ledger;
    this.documents = documents;
  }

  /** {@code {"export": {...}, "documents": [{type, version, cid, sha256, verified}]}}. */
  public ObjectNode of(StoredIdentity reader, String exportId) throws IOException {
    ObjectNode view = JSON.createObjectNode();
    view.set("export", JSON.readTree(reads.export(reader.org(), reader, exportId)));
    var list = view.putArray("documents");
    for (JsonNode anchor : latestAnchors(reader, exportId).values()) {
      ObjectNode d = list.addObject();
      d.put("type", anchor.path("type").asText());
      d.put("version", anchor.path("version").asInt());
      d.put("cid", anchor.path("cid").asText());
      d.put("sha256", anchor.path("sha256").asText());
      d.put("verified", verified(reader, exportId, anchor.path("type").asText()));
    }
    return view;
  }

  private boolean verified(Signatory reader, String exportId, String type) {
    try {
      documents.download(((StoredIdentity) reader).org(), reader, exportId, type);
      return true;
    } catch (DocumentTampered e) {
      return false;
    }
  }

  private Map<String, JsonNode> latestAnchors(StoredIdentity reader, String exportId)
      throws IOException {
    Map<String, JsonNode> latest = new LinkedHashMap<>();
    JsonNode anchors =
        JSON.readTree(
            ledger.evaluate(
                LedgerCall.of(
                    reader.org(),
                    reader,
                    "coffee-export",
                    "DocumentContract",
                    "listDocuments",
                    exportId)));
    for (JsonNode a : anchors) {
      latest.merge(
          a.path("type").asText(),
          a,
          (x, y) -> x.path("version").asInt() >= y.path("version").asInt() ? x : y);
    }
    return latest;
  }
}
