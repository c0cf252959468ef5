package et.coffeeexport.connectors.documents;

import et.coffeeexport.connectors.fabric.Signatory;

/**
 * Export documents: stored encrypted, anchored on the ledger by the person who uploads them, and
 * served only when they match their anchor.
 */
public interface DocumentStore {
  /**
   * Checks, encrypts, stores and pins the document, then anchors its CID and SHA-256 on the ledger
   * as {@code uploader}. When storing fails nothing reaches the ledger.
   */
  AnchoredDocument upload(
      Signatory uploader, String exportId, String type, String contentType, byte[] content);

  /**
   * The latest version of the export's document of {@code type}, verified against its anchor.
   *
   * @throws DocumentTampered when what is stored is not what the ledger anchored
   */
  VerifiedDocument download(Signatory reader, String exportId, String type);

  /**
   * Checks, encrypts, stores and pins a document that is not an export's (a licence application's),
   * sealed to {@code subject} and {@code type}; the caller anchors what this answers on the ledger
   * where that subject lives. When storing fails there is nothing the ledger could point to.
   */
  Stored store(String subject, String type, String contentType, byte[] content);

  /**
   * The content of a document {@link #store} stored, checked against the CID and SHA-256 of its
   * ledger anchor.
   *
   * @throws DocumentTampered when what is stored is not what the ledger anchored
   */
  Opened open(String subject, String type, String cid, String sha256);

  /** What the ledger anchors of a stored document. */
  record Stored(String cid, String sha256, long sizeBytes) {}

  /** A stored document's content, which matched its anchor. */
  record Opened(String contentType, byte[] content) {}

  /** A document as the ledger anchored it. */
  record AnchoredDocument(
      String exportId, String type, int version, String cid, String sha256, long sizeBytes) {}

  /** A document whose content matches its anchor. */
  record VerifiedDocument(AnchoredDocument anchor, String contentType, byte[] content) {}
}
