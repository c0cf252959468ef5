package et.coffeeexport.chaincode.support;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Chaincode errors with stable codes. The message reads {@code CODE: detail}; the payload carries the code alone so
 * that clients map it to a typed business error without parsing prose.
 */
public enum ContractError {
  INVALID_ARGUMENT,
  NOT_FOUND,
  ALREADY_EXISTS,
  FORBIDDEN;

  /** The exception to throw from a transaction; the transaction then writes nothing. */
  public ChaincodeException exception(String detail) {
    return new ChaincodeException(name() + ": " + detail, name().getBytes(StandardCharsets.UTF_8));
  }
}
