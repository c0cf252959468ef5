package et.coffeeexport.connectors.fabric;

import java.util.Arrays;

/**
 * The chaincode refused the transaction for a business reason, with its stable code; nothing was
 * written. Not retryable: the workflow turns it into a BPMN error, the API into a 4xx.
 */
public final class LedgerRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The chaincode's error codes ({@code ContractError}); {@code UNKNOWN} for anything else. */
  public enum Code {
    INVALID_ARGUMENT,
    NOT_FOUND,
    ALREADY_EXISTS,
    FORBIDDEN,
    PRECONDITION_FAILED,
    ILLEGAL_TRANSITION,
    NOT_AUTHORISED,
    AMENDMENT_ROUNDS_EXCEEDED,
    EXPORTER_NOT_ACTIVE,
    OFFICER_NOT_ACTIVE,
    PRICE_BELOW_MINIMUM,
    PERMIT_ALREADY_USED,
    FOUR_EYES_REQUIRED,
    AMENDMENT_NOT_ALLOWED,
    BUYER_BLACKLISTED,
    /** The transaction was ordered but the peers validated it invalid (endorsement policy...). */
    INVALID_TRANSACTION,
    UNKNOWN;

    public static Code of(String name) {
      return Arrays.stream(values()).filter(c -> c.name().equals(name)).findFirst().orElse(UNKNOWN);
    }
  }

  private final Code code;

  public LedgerRefusal(Code code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  public Code code() {
    return code;
  }
}
