package et.coffeeexport.chaincode.participant;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.ExporterProfile;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.LedgerSignature;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RegisteredExporter;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/** Storage and caller checks of the participant registry. */
final class ParticipantStore {
  static final String EXPORTER = "exporter";
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
    byte[] bytes = write(key, value, entitled);
    stub.setEvent(event, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Writes a record without an event (a transaction that writes two records announces one), with
   * {@code entitled}, when given, as the key's new policy.
   */
  byte[] write(String key, Object value, Set<Organisation> entitled) {
    byte[] bytes = CanonicalJson.toBytes(value);
    stub.putState(key, bytes);
    if (entitled != null) {
      stub.setStateValidationParameter(key, EndorsementPolicies.entitledWithWitness(entitled));
    }
    return bytes;
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

  String exporterKey(String exporterId) {
    return key(EXPORTER, exporterId);
  }

  /** An exporter's entry; {@code NOT_FOUND} when it is not registered. */
  RegisteredExporter exporter(String exporterId) {
    return read(exporterKey(exporterId), RegisteredExporter.class, "exporter " + exporterId);
  }

  /** A new entry: {@code ACTIVE} from this transaction on, with nothing overdue. */
  RegisteredExporter newExporter(String exporterId, ExporterProfile profile) {
    return new RegisteredExporter(
        exporterId, ExporterStanding.ACTIVE, profile, now(), now(), List.of(), List.of());
  }

  /** Writes an exporter's entry and emits {@code event}. */
  String putExporter(RegisteredExporter exporter, String event) {
    byte[] bytes = writeExporter(exporter);
    stub.setEvent(event, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /**
   * Writes an exporter's entry. A new entry gets the policy of the exporter's key: ECTA licenses
   * and National Bank marks delinquency, each with a witness; a change keeps it.
   */
  byte[] writeExporter(RegisteredExporter exporter) {
    String key = exporterKey(exporter.exporterId());
    return write(
        key,
        exporter,
        exists(key) ? null : EnumSet.of(Organisation.ECTA, Organisation.NATIONAL_BANK));
  }

  /** The caller's signature on a registry decision of this transaction. */
  LedgerSignature signature() {
    return new LedgerSignature(
        caller.mspId(),
        caller.certificateId(),
        caller.enrollmentId(),
        caller.userId(),
        stub.getTxId(),
        now());
  }

  static String json(Object value) {
    return new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
  }
}
