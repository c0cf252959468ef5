package et.coffeeexport.connectors.fabric;

import et.coffeeexport.domain.RefusalCode;

/**
 * The chaincode refused the transaction for a business reason, with its stable code from the
 * domain's one list ({@link RefusalCode}); nothing was written. Not retryable: the workflow turns
 * it into a BPMN error, the API into a 4xx.
 */
public final class LedgerRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final RefusalCode code;

  public LedgerRefusal(RefusalCode code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  public RefusalCode code() {
    return code;
  }
}
