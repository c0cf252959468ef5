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
    Stored stored = store(exportId, type, contentType, content);
    var anchor = JSON.createObjectNode();
    anchor
        .put("type", type)
        .put("cid", stored.cid())
        .put("sha256", stored.sha256())
        .put("sizeBytes", stored.sizeBytes());
    return anchored(ledger.anchorDocument(uploader, exportId, anchor.toString()));
  }

  @Override
  public Stored store(String subject, String type, String contentType, byte[] content) {
    rules.check(content, contentType);
    String sha256 = sha256(content);
    String cid = kubo.addPinned(sealing.seal(content, subject, type));
    // The ledger must never point to a CID this node does not keep.
    if (!kubo.isPinned(cid)) {
      throw new DocumentStoreUnavailable(
          "kubo stored " + cid + " but does not report it pinned", null);
    }
    return new Stored(cid, sha256, content.length);
  }

  @Override
  public Opened open(String subject, String type, String cid, String sha256) {
    byte[] content = sealing.open(kubo.cat(cid), subject, type);
    if (!sha256(content).equals(sha256)) {
      throw new DocumentTampered(
          type + " of " + subject + " does not match the SHA-256 anchored on the ledger");
    }
    return new Opened(DocumentRules.contentTypeOf(content), content);
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
    Opened opened;
    try {
      opened = open(exportId, type, anchor.cid(), anchor.sha256());
    } catch (DocumentTampered e) {
      throw new DocumentTampered(e.getMessage() + " (version " + anchor.version() + ")");
    }
    return new VerifiedDocument(anchor, opened.contentType(), opened.content());
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
