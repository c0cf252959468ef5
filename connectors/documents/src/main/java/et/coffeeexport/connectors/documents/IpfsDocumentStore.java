package et.coffeeexport.connectors.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.DocumentAnchor;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Documents in the platform's private kubo node, anchored through the ledger connector. */
public final class IpfsDocumentStore implements DocumentStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final KuboClient kubo;
  private final DocumentSealing sealing;
  private final DocumentRules rules;
  private final CoffeeExportChaincode ledger;

  public IpfsDocumentStore(
      KuboClient kubo, DocumentSealing sealing, DocumentRules rules, CoffeeExportChaincode ledger) {
    this.kubo = kubo;
    this.sealing = sealing;
    this.rules = rules;
    this.ledger = ledger;
  }

  @Override
  public AnchoredDocument upload(
      Signatory uploader, String exportId, String type, String contentType, byte[] content) {
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
    return anchored(ledger.anchorDocument(uploader, exportId, anchor.toString()));
  }

  @Override
  public VerifiedDocument download(Signatory reader, String exportId, String type) {
    DocumentAnchor latest = null;
    for (DocumentAnchor a : ledger.listDocuments(reader, exportId)) {
      if (type.equals(a.type().name()) && (latest == null || a.version() > latest.version())) {
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

  private static AnchoredDocument anchored(DocumentAnchor a) {
    return new AnchoredDocument(
        a.exportId(), a.type().name(), a.version(), a.cid(), a.sha256(), a.sizeBytes());
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
