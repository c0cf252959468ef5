package et.coffeeexport.connectors.documents;

/**
 * What IPFS returned is not the document the ledger anchored: it does not decrypt, or its SHA-256
 * differs. Never served; reported.
 */
public final class DocumentTampered extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DocumentTampered(String message) {
    super(message);
  }
}
