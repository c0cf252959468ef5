package et.coffeeexport.connectors.fabric;

/**
 * The ledger could not be reached, or did not confirm, within the call's deadline: a technical
 * failure. Retrying is safe: a transaction is only ever resubmitted as the same signed transaction,
 * so it commits at most once.
 *
 * @see #transactionId() the transaction whose fate is unknown, when one was submitted
 */
public final class LedgerUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String transactionId;

  public LedgerUnavailable(String message, String transactionId, Throwable cause) {
    super(message + (transactionId == null ? "" : " (transaction " + transactionId + ")"), cause);
    this.transactionId = transactionId;
  }

  public String transactionId() {
    return transactionId;
  }
}
