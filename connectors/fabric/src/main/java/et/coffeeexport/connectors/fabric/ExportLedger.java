package et.coffeeexport.connectors.fabric;

/**
 * The connector's one seam to Fabric (behind the typed chaincode clients): submit a transaction and
 * get it confirmed committed exactly once, or evaluate a query.
 *
 * @see LedgerRefusal business refusals (a chaincode error code), not retryable
 * @see LedgerUnavailable technical failures, safe to retry
 */
interface ExportLedger {
  /** Endorses, submits and confirms; returns once the transaction is committed valid. */
  Committed submit(LedgerCall call);

  /** Evaluates a query on the organisation's peer. */
  byte[] evaluate(LedgerCall call);

  /**
   * Follows {@code chaincode}'s events on one of {@code listener}'s organisation's peers, from the
   * block after a checkpoint (or from the first block).
   *
   * @param afterTransaction the last transaction already handled in {@code startBlock}, or null
   */
  EventStream events(
      Signatory listener, String chaincode, long startBlock, String afterTransaction);
}
