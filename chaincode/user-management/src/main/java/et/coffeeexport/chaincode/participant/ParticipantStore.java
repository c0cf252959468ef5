package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Storage and caller checks of the participant registry. */
final class ParticipantStore {
  final ChaincodeStub stub;
  final Caller caller;

  ParticipantStore(Context ctx) {
    this.stub = ctx.getStub();
    this.caller = Caller.of(ctx);
  }

  String key(String type, String... attributes) {
    return stub.createCompositeKey(type, attributes).toString();
  }

  boolean exists(String key) {
    byte[] bytes = stub.getState(key);
    return bytes != null && bytes.length > 0;
  }

  <T> T read(String key, Class<T> type, String what) {
    byte[] bytes = stub.getState(key);
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, what + " is not registered");
    }
    return CanonicalJson.fromBytes(bytes, type);
  }

  /**
   * Writes a record and emits its event; {@code entitled}, when given, become the key's endorsement
   * policy: a peer of one of them and a peer of another member as witness.
   */
  String put(String key, Object value, String event, Set<Organisation> entitled) {
    byte[] bytes = CanonicalJson.toBytes(value);
    stub.putState(key, bytes);
    if (entitled != null) {
      stub.setStateValidationParameter(key, EndorsementPolicies.entitledWithWitness(entitled));
    }
    stub.setEvent(event, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Fails unless the caller is an officer or supervisor registered active by their organisation.
   */
  void requireActiveOfficer() {
    if (caller.organisation() == null
        || (caller.role() != Role.OFFICER && caller.role() != Role.SUPERVISOR)) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN, "only officers of a member organisation may do this");
    }
    String key =
        key(ParticipantContract.OFFICER, caller.mspId(), String.valueOf(caller.enrollmentId()));
    if (!exists(key) || !read(key, Participants.Officer.class, "officer").active()) {
      throw ContractError.of(
          RefusalCode.OFFICER_NOT_ACTIVE,
          "officer "
              + caller.enrollmentId()
              + " of "
              + caller.mspId()
              + " is not registered active");
    }
  }

  String now() {
    return stub.getTxTimestamp().toString();
  }

  static String json(Object value) {
    return new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }
}
