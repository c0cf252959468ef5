package et.coffeeexport.connectors.documents;

/** An upload that breaks the rules (size, type, content not matching its type); nothing stored. */
public final class DocumentRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DocumentRejected(String message) {
    super(message);
  }
}
