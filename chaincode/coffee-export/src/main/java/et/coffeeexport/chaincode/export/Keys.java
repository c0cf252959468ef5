package et.coffeeexport.chaincode.export;

import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Every key the coffee-export chaincode writes. Composite keys give the lookups LevelDB cannot do
 * by query: by status, by exporter, an export's decisions and documents in order.
 */
final class Keys {
  static final String EXPORT = "export";
  static final String BY_STATUS = "export~status";
  static final String BY_EXPORTER = "export~exporter";
  static final String DECISION = "decision";
  static final String SEAL = "seal";
  static final String OVERSIGHT = "oversight";
  static final String DOCUMENT = "document";
  static final String PERMIT = "permit";
  static final String FLOOR = "floor";
  static final String RULE_SET = "ruleset";
  static final String RULE_SET_PROPOSAL = "rulesetproposal";
  static final String STEP = "step";
  static final String TERMS_COLLECTION = "exportTerms";

  private Keys() {}

  static String export(ChaincodeStub stub, String exportId) {
    return stub.createCompositeKey(EXPORT, exportId).toString();
  }

  /** Cancellation and overdue proceeds: what regulators record apart from the stages' record. */
  static String oversight(ChaincodeStub stub, String exportId) {
    return stub.createCompositeKey(OVERSIGHT, exportId).toString();
  }

  static String byStatus(ChaincodeStub stub, String status, String exportId) {
    return stub.createCompositeKey(BY_STATUS, status, exportId).toString();
  }

  static String byExporter(ChaincodeStub stub, String exporterId, String exportId) {
    return stub.createCompositeKey(BY_EXPORTER, exporterId, exportId).toString();
  }

  /**
   * Zero-padded so that the trail reads back in order. The transaction id makes every entry a new
   * key: an entry, once written, takes all six organisations to change, so a transaction simulated
   * on a stale copy of the trail must meet a read conflict (and be retried), not that policy.
   */
  static String decision(ChaincodeStub stub, String exportId, int sequence) {
    return stub.createCompositeKey(
            DECISION, exportId, String.format("%06d", sequence), stub.getTxId())
        .toString();
  }

  /** Versions in order; the transaction id for the same reason as a decision's. */
  static String document(ChaincodeStub stub, String exportId, String type, int version) {
    return stub.createCompositeKey(
            DOCUMENT, exportId, type, String.format("%04d", version), stub.getTxId())
        .toString();
  }

  /**
   * One per organisation, created with the first rule set: only that organisation's peer can
   * endorse a write to it. Decisions write it without reading it, so concurrent decisions never
   * conflict on it.
   */
  static String seal(ChaincodeStub stub, String organisation) {
    return stub.createCompositeKey(SEAL, organisation).toString();
  }

  /**
   * The step record of a workflow step ({@code Steps}): one per export and step key, so that the
   * same step submitted again is recognised, and two submissions of it conflict at commit.
   */
  static String step(ChaincodeStub stub, String exportId, String stepKey) {
    return stub.createCompositeKey(STEP, exportId, stepKey).toString();
  }

  static String permit(ChaincodeStub stub, String permitNumber) {
    return stub.createCompositeKey(PERMIT, permitNumber).toString();
  }

  static String floor(
      ChaincodeStub stub, String grade, String origin, String process, String effectiveDate) {
    return stub.createCompositeKey(FLOOR, grade, origin, process, effectiveDate).toString();
  }

  /**
   * Co-signed rule sets are kept by version ({@link #version}); {@code current} holds the newest,
   * which may not have taken effect yet.
   */
  static String ruleSet(ChaincodeStub stub, String version) {
    return stub.createCompositeKey(RULE_SET, version).toString();
  }

  /** ECTA's proposal of a rule set version, until National Bank co-signs it. */
  static String ruleSetProposal(ChaincodeStub stub, int version) {
    return stub.createCompositeKey(RULE_SET_PROPOSAL, version(version)).toString();
  }

  /** A rule set version as its keys spell it: zero-padded, so that versions read back in order. */
  static String version(int version) {
    return String.format("%06d", version);
  }
}
