package et.coffeeexport.connectors.documents;

/**
 * A stored document was sealed under another document key than the platform's: the key file was
 * replaced (or lost and made anew). Not tampering, and not something a retry mends: the key that
 * sealed it must be restored.
 */
public final class DocumentKeyMismatch extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public DocumentKeyMismatch(String message) {
    super(message);
  }
}
