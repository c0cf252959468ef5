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

  /** A document as the ledger anchored it. */
  record AnchoredDocument(
      String exportId, String type, int version, String cid, String sha256, long sizeBytes) {}

  /** A document whose content matches its anchor. */
  record VerifiedDocument(AnchoredDocument anchor, String contentType, byte[] content) {}
}
