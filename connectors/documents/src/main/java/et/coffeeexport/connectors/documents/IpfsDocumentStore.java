package et.coffeeexport.connectors.documents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.connectors.fabric.Signatory;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Documents in the platform's private kubo node, anchored through the ledger connector. */
public final class IpfsDocumentStore implements DocumentStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KuboClient kubo;
  private final DocumentSealing sealing;
  private final DocumentRules rules;
  private final ExportLedger ledger;

  public IpfsDocumentStore(
      KuboClient kubo, DocumentSealing sealing, DocumentRules rules, ExportLedger ledger) {
    this.kubo = kubo;
    this.sealing = sealing;
    this.rules = rules;
    this.ledger = ledger;
  }

  @Override
  public AnchoredDocument upload(
      String org,
      Signatory uploader,
      String exportId,
      String type,
      String contentType,
      byte[] content) {
    rules.check(content, contentType);
    String sha256 = sha256(content);
    String cid = kubo.addPinned(sealing.seal(content, exportId, type));
    // The ledger must never point to a CID this node does not keep.
    if (!kubo.isPinned(cid)) {
      throw new DocumentStoreUnavailable(
          "kubo stored " + cid + " but does not report it pinned", null);
    }
    var anchor = JSON.createObjectNode();
    anchor.put("type", type).put("cid", cid).put("sha256", sha256).put("sizeBytes", content.length);
    var committed =
        ledger.submit(
            LedgerCall.of(
                org,
                uploader,
                "coffee-export",
                "DocumentContract",
                "anchorDocument",
                exportId,
                anchor.toString()));
    return anchored(read(committed.result()));
  }

  @Override
  public VerifiedDocument download(String org, Signatory reader, String exportId, String type) {
    JsonNode latest = null;
    for (JsonNode a :
        read(
            ledger.evaluate(
                LedgerCall.of(
                    org,
                    reader,
                    "coffee-export",
                    "DocumentContract",
                    "listDocuments",
                    exportId)))) {
      if (type.equals(a.path("type").asText())
          && (latest == null || a.path("version").asInt() > latest.path("version").asInt())) {
        latest = a;
      }
    }
    if (latest == null) {
      throw new DocumentRejected("export " + exportId + " has no " + type);
    }
    AnchoredDocument anchor = anchored(latest);
    byte[] content = sealing.open(kubo.cat(anchor.cid()), exportId, type);
    if (!sha256(content).equals(anchor.sha256())) {
      throw new DocumentTampered(
          type
              + " of "
              + exportId
              + " does not match the SHA-256 anchored on the ledger (version "
              + anchor.version()
              + ")");
    }
    return new VerifiedDocument(anchor, DocumentRules.contentTypeOf(content), content);
  }

  private static AnchoredDocument anchored(JsonNode a) {
    return new AnchoredDocument(
        a.path("exportId").asText(),
        a.path("type").asText(),
        a.path("version").asInt(),
        a.path("cid").asText(),
        a.path("sha256").asText(),
        a.path("sizeBytes").asLong());
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode read(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("the ledger answered something that is not JSON", e);
    }
  }
}
