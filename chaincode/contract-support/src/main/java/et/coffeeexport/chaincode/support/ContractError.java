package et.coffeeexport.chaincode.support;

import et.coffeeexport.domain.RefusalCode;
import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refusal as the chaincode raises it, with its code from the domain's one list ({@link
 * RefusalCode}). The message reads {@code CODE: detail}; the payload carries the code alone so that
 * clients map it to a typed business error without parsing prose.
 */
public final class ContractError {
  private ContractError() {}

  /** The exception to throw from a transaction; the transaction then writes nothing. */
  public static ChaincodeException of(RefusalCode code, String detail) {
    return new ChaincodeException(
        code.name() + ": " + detail, code.name().getBytes(StandardCharsets.UTF_8));
  }
}
