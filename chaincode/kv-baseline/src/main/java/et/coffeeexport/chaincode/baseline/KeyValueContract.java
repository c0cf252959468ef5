package et.coffeeexport.chaincode.baseline;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;

/** The benchmark's baseline: one write per transaction, no checks, no event. */
@Contract(name = "KeyValueContract")
@Default
public final class KeyValueContract implements ContractInterface {

  /** Writes {@code value} under {@code key}. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String put(Context ctx, String key, String value) {
    ctx.getStub().putState(key, value.getBytes(StandardCharsets.UTF_8));
    return key;
  }

  /** Reads the value under {@code key}. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String get(Context ctx, String key) {
    byte[] value = ctx.getStub().getState(key);
    if (value == null || value.length == 0) {
      throw new ChaincodeException(
          "NOT_FOUND: " + key, "NOT_FOUND".getBytes(StandardCharsets.UTF_8));
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
