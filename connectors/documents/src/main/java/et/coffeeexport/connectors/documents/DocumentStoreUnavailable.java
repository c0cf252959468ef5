package et.coffeeexport.connectors.documents;

/** The IPFS node could not store or return a document: technical, safe to retry. */
public final class DocumentStoreUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DocumentStoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
