package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.RefusalCode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Idempotent replay of lifecycle steps. The workflow runs each ledger step in an asynchronous job
 * and names it with a step key (its job id), passed as transient data {@code step} so that no
 * transaction's signature changes. If the ledger committed the step but the engine's transaction
 * rolled back, the job runs again and submits the same step: the ledger then answers the export as
 * it stands and writes nothing, where it would otherwise refuse the step as out of order.
 *
 * <p>The first submission writes a step record beside its decision; a second submission endorsed on
 * the same state writes the same key, so one of the two meets a read conflict at commit and its
 * retry is a replay. Without a step key a transaction behaves as it always did.
 */
final class Steps {
  /** The transient data key that carries the step key. */
  static final String TRANSIENT_KEY = "step";

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final ChaincodeStub stub;
  private final ExportStore store;
  private final Caller caller;
  private StepRecord pending;

  Steps(ChaincodeStub stub, ExportStore store, Caller caller) {
    this.stub = stub;
    this.store = store;
    this.caller = caller;
  }

  /**
   * One step of one export by one person: the step key's own record, written once with the decision
   * it names and changed by nobody afterwards.
   *
   * @param action the action the transaction was asked to take (an FX approval that only recommends
   *     is still {@code APPROVE_FOREIGN_EXCHANGE} here)
   * @param decidedBy the caller's certificate id
   * @param sequence the decision in the export's trail that the step recorded
   */
  record StepRecord(
      String exportId,
      String stepKey,
      ExportAction action,
      String organisation,
      String decidedBy,
      String txId,
      int sequence) {}

  /**
   * The export as it stands, when this transaction's step key already recorded {@code action} on it
   * by this caller; empty when there is no step key or it is new, and the transaction proceeds (and
   * records the key with its decision). Call it before anything that could refuse on state.
   */
  Optional<String> replayed(String exportId, ExportAction action) {
    String stepKey = stepKey();
    if (stepKey == null) {
      return Optional.empty();
    }
    ExportContract.requireId(exportId);
    byte[] bytes = stub.getState(Keys.step(stub, exportId, stepKey));
    if (bytes == null || bytes.length == 0) {
      pending =
          new StepRecord(
              exportId, stepKey, action, caller.mspId(), caller.certificateId(), null, 0);
      return Optional.empty();
    }
    StepRecord done = CanonicalJson.fromBytes(bytes, StepRecord.class);
    if (done.action() != action) {
      throw ContractError.of(
          RefusalCode.STEP_KEY_REUSED,
          "step "
              + stepKey
              + " of export "
              + exportId
              + " was "
              + done.action()
              + ", not "
              + action);
    }
    if (!done.organisation().equals(caller.mspId())
        || !done.decidedBy().equals(caller.certificateId())) {
      throw ContractError.of(
          RefusalCode.STEP_KEY_REUSED,
          "step " + stepKey + " of export " + exportId + " was taken by someone else");
    }
    return Optional.of(ExportStore.utf8(CanonicalJson.toBytes(store.export(exportId))));
  }

  /** The step key this transaction records with its decision, or {@code null}. */
  String pendingKey() {
    return pending == null ? null : pending.stepKey();
  }

  /** Writes the step record for decision {@code sequence}, if this transaction has a new step. */
  void record(String exportId, int sequence) {
    if (pending == null || !pending.exportId().equals(exportId)) {
      return;
    }
    StepRecord done =
        new StepRecord(
            exportId,
            pending.stepKey(),
            pending.action(),
            pending.organisation(),
            pending.decidedBy(),
            stub.getTxId(),
            sequence);
    store.saveImmutable(Keys.step(stub, exportId, pending.stepKey()), CanonicalJson.toBytes(done));
    pending = null;
  }

  /** The transient step key, validated; {@code null} without one. */
  private String stepKey() {
    Map<String, byte[]> transientData = stub.getTransient();
    byte[] raw = transientData == null ? null : transientData.get(TRANSIENT_KEY);
    if (raw == null) {
      return null;
    }
    String key = new String(raw, StandardCharsets.UTF_8);
    if (!VALID.matcher(key).matches()) {
      throw ContractError.of(
          RefusalCode.INVALID_ARGUMENT,
          "transient step must be 1-64 letters, digits, '.', '_', ':' or '-'");
    }
    return key;
  }
}
