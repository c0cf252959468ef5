package et.coffeeexport.identity.wallet;

/**
 * The platform will not sign for this user: disabled, revoked, unknown, or in no role that acts on
 * the ledger. Not retryable.
 */
public final class SigningRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SigningRefused(String message) {
    super(message);
  }
}
