package et.coffeeexport.chaincode.forgery;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Default;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ext.sbe.StateBasedEndorsement;
import org.hyperledger.fabric.shim.ext.sbe.impl.StateBasedEndorsementFactory;

/**
 * TEST ONLY, never deployed to a network that matters. A Byzantine member's chaincode: it checks
 * nothing and writes whatever its caller tells it to, in whatever namespace its peer runs it for.
 * {@code ByzantineMemberIT} runs this jar in place of one organisation's honest {@code
 * coffee-export} and {@code user-management} servers (same package id, same port), so that this
 * organisation's peer endorses forged write sets; validation on every peer must refuse them.
 *
 * <p>Keys are taken as they are stored, composite keys included ({@code
 * "\u0000export\u0000EXP-1\u0000"}).
 */
@Contract(name = "ForgeryContract")
@Default
public final class ForgeryContract implements ContractInterface {

  /** Which organisation's peer runs this server: proves to the test that the swap took. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String whoami(Context ctx) {
    return "forgery@" + ctx.getStub().getMspId();
  }

  /** Reads a key as this peer has it; {@code NOT_FOUND} when absent. */
  @Transaction(intent = Transaction.TYPE.EVALUATE)
  public String get(Context ctx, String key) {
    byte[] value = ctx.getStub().getState(key);
    if (value == null || value.length == 0) {
      throw new ChaincodeException("NOT_FOUND", "NOT_FOUND".getBytes(StandardCharsets.UTF_8));
    }
    return new String(value, StandardCharsets.UTF_8);
  }

  /** Writes {@code value} under {@code key}, blind: nothing read, no check. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String put(Context ctx, String key, String value) {
    ctx.getStub().putState(key, value.getBytes(StandardCharsets.UTF_8));
    return key;
  }

  /** Deletes {@code key}. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String delete(Context ctx, String key) {
    ctx.getStub().delState(key);
    return key;
  }

  /** Writes {@code value} under {@code key} in a private data collection. */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String putPrivate(Context ctx, String collection, String key, String value) {
    ctx.getStub().putPrivateData(collection, key, value.getBytes(StandardCharsets.UTF_8));
    return key;
  }

  /**
   * Sets the key-level endorsement policy of {@code key} to "a peer of each of {@code mspIds}"
   * (comma-separated), for example this organisation alone.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String setPolicy(Context ctx, String key, String mspIds) {
    ctx.getStub().setStateValidationParameter(key, policyOf(mspIds));
    return key;
  }

  /**
   * Writes {@code value} under {@code key} and makes this organisation's peer alone its endorser:
   * squatting a key (an export id, a permit number) before its rightful writer creates it.
   */
  @Transaction(intent = Transaction.TYPE.SUBMIT)
  public String putOwned(Context ctx, String key, String value) {
    ctx.getStub().putState(key, value.getBytes(StandardCharsets.UTF_8));
    ctx.getStub().setStateValidationParameter(key, policyOf(ctx.getStub().getMspId()));
    return key;
  }

  private static byte[] policyOf(String mspIds) {
    StateBasedEndorsement sbe =
        StateBasedEndorsementFactory.getInstance().newStateBasedEndorsement(null);
    sbe.addOrgs(StateBasedEndorsement.RoleType.RoleTypePeer, mspIds.split(","));
    return sbe.policy();
  }
}
