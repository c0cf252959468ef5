package et.coffeeexport.identity.wallet;

/**
 * A stored key failed authentication: it was altered, moved to another row, or sealed elsewhere.
 */
public final class WalletTampered extends RuntimeException {
  private static final long serialVersionUID = 1L;

  WalletTampered(String message, Throwable cause) {
    super(message, cause);
  }
}
