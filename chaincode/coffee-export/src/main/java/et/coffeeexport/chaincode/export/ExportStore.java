package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.RuleSetChange;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;

/**
 * Reads and writes the coffee-export world state. Every key gets its key-level endorsement policy
 * when it is written (see chaincode/README.md): after every change of an export, its next change
 * needs a peer of an organisation that may act next and a peer of another member as witness;
 * records nobody changes need all six.
 */
final class ExportStore {
  private static final byte[] PRESENT = {0};
  private final ChaincodeStub stub;

  ExportStore(ChaincodeStub stub) {
    this.stub = stub;
  }

  /**
   * The export as every reader must see it: its record, amended by the regulators' oversight
   * record.
   */
  ExportSnapshot export(String exportId) {
    byte[] bytes = stub.getState(Keys.export(stub, exportId));
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "export " + exportId + " does not exist");
    }
    Oversight oversight = oversight(exportId);
    return CanonicalJson.fromBytes(bytes, ExportSnapshot.class)
        .overseen(
            oversight.repatriationOverdueSince() != null,
            oversight.cancelledAt(),
            oversight.shipmentDue(),
            oversight.decisions());
  }

  Oversight oversight(String exportId) {
    byte[] bytes = stub.getState(Keys.oversight(stub, exportId));
    return bytes == null || bytes.length <= 1
        ? Oversight.NONE
        : CanonicalJson.fromBytes(bytes, Oversight.class);
  }

  /** Records oversight; the key's policy admits the peers of every organisation that may cancel. */
  void saveOversight(String exportId, Oversight oversight) {
    stub.putState(Keys.oversight(stub, exportId), CanonicalJson.toBytes(oversight));
  }

  boolean exists(String exportId) {
    byte[] bytes = stub.getState(Keys.export(stub, exportId));
    return bytes != null && bytes.length > 0;
  }

  /** Writes {@code after}; {@code before} is the stored version, {@code null} for a new export. */
  byte[] save(ExportSnapshot before, ExportSnapshot after) {
    String key = Keys.export(stub, after.exportId());
    byte[] bytes = CanonicalJson.toBytes(after);
    if (before != null && after.status() == ExportStatus.CANCELLED) {
      // The export's own record stays as the last stage left it; the cancellation is oversight.
      saveOversight(
          after.exportId(),
          oversight(after.exportId())
              .cancelled(after.updatedAt(), stub.getTxId(), after.decisions()));
    } else {
      stub.putState(key, bytes);
    }
    if (before == null || before.status() != after.status()) {
      if (before != null) {
        stub.delState(Keys.byStatus(stub, before.status().name(), before.exportId()));
      }
      stub.putState(Keys.byStatus(stub, after.status().name(), after.exportId()), PRESENT);
      if (after.status() != ExportStatus.CANCELLED) {
        stub.setStateValidationParameter(key, policyFor(after));
      }
    }
    if (before == null) {
      stub.putState(Keys.byExporter(stub, after.exporterId(), after.exportId()), PRESENT);
      String oversight = Keys.oversight(stub, after.exportId());
      stub.putState(oversight, PRESENT);
      stub.setStateValidationParameter(oversight, oversightPolicy());
    }
    return bytes;
  }

  /**
   * Marks a decision by {@code organisation}: the write to its seal makes validation demand an
   * endorsement by that organisation's own peer, whatever the export key's policy would also
   * accept.
   */
  void seal(Organisation organisation) {
    stub.putState(
        Keys.seal(stub, organisation.name()), stub.getTxId().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Creates the organisations' seals with their policies; done once, by the trusted bootstrap of
   * rule set 1.
   */
  void createSeals() {
    for (Organisation organisation : Organisation.values()) {
      String seal = Keys.seal(stub, organisation.name());
      stub.putState(seal, PRESENT);
      stub.setStateValidationParameter(seal, EndorsementPolicies.ownPeer(organisation));
    }
  }

  /** Final exports can no longer change: it would take every organisation to endorse a change. */
  private static byte[] policyFor(ExportSnapshot export) {
    Set<Organisation> acting = ExportLifecycle.organisationsAdvancing(export.status());
    return acting.isEmpty()
        ? EndorsementPolicies.everyMember()
        : EndorsementPolicies.entitledWithWitness(acting);
  }

  /**
   * Cancellations (the exporter's bank, ECTA, National Bank), overdue proceeds and extended
   * shipment deadlines.
   */
  private static byte[] oversightPolicy() {
    return EndorsementPolicies.entitledWithWitness(ExportLifecycle.organisationsOverseeing());
  }

  /** Appends to the trail; a decision once recorded would take every member to change. */
  void saveDecision(DecisionEntry decision) {
    String key = Keys.decision(stub, decision.exportId(), decision.sequence());
    stub.putState(key, CanonicalJson.toBytes(decision));
    stub.setStateValidationParameter(key, EndorsementPolicies.everyMember());
  }

  /** Writes a record nobody may change afterwards (a document anchor). */
  void saveImmutable(String key, byte[] bytes) {
    stub.putState(key, bytes);
    stub.setStateValidationParameter(key, EndorsementPolicies.everyMember());
  }

  List<DecisionEntry> decisions(String exportId) {
    return values(Keys.DECISION, DecisionEntry.class, exportId);
  }

  /**
   * The rule set in force for what is filed at this transaction's time: the newest co-signed
   * version whose effective date has come.
   */
  RuleSet rulesInForce() {
    return RuleSetChange.inForce(latestRules(), this::rules, txDay());
  }

  /** The rule set the export was filed (or last amended) under: it keeps it to the end. */
  RuleSet rulesOf(ExportSnapshot export) {
    return rules(export.ruleVersion());
  }

  /** The newest co-signed rule set, in force or still to take effect. */
  RuleSet latestRules() {
    byte[] bytes = stub.getState(Keys.ruleSet(stub, LATEST));
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED, "no rule set is in force; ECTA must publish one");
    }
    return CanonicalJson.fromBytes(bytes, RuleSet.class);
  }

  /** Whether any rule set was ever put in force. */
  boolean hasRules() {
    return state(Keys.ruleSet(stub, LATEST)).length > 0;
  }

  /** The co-signed rule set {@code version}. */
  RuleSet rules(int version) {
    byte[] bytes = state(Keys.ruleSet(stub, Keys.version(version)));
    if (bytes.length == 0) {
      throw ContractError.of(RefusalCode.NOT_FOUND, "rule set " + version + " is not in force");
    }
    return CanonicalJson.fromBytes(bytes, RuleSet.class);
  }

  /** Puts a co-signed rule set on the ledger; it changes only with ECTA and National Bank. */
  void saveRules(RuleSet rules) {
    byte[] bytes = CanonicalJson.toBytes(rules);
    for (String key :
        List.of(Keys.ruleSet(stub, Keys.version(rules.version())), Keys.ruleSet(stub, LATEST))) {
      saveDirective(key, bytes);
    }
  }

  /** The stored bytes of ECTA's proposal of {@code version}; empty when there is none. */
  byte[] proposal(int version) {
    return state(Keys.ruleSetProposal(stub, version));
  }

  /** Records a proposal; from then on only ECTA and National Bank together change it. */
  void saveProposal(int version, byte[] bytes) {
    saveDirective(Keys.ruleSetProposal(stub, version), bytes);
  }

  /**
   * Deletes a proposal ECTA withdrew. The key keeps its endorsement policy, so the deletion, like
   * every change of a proposal, is endorsed by ECTA's and National Bank's peers.
   */
  void withdrawProposal(int version) {
    stub.delState(Keys.ruleSetProposal(stub, version));
  }

  private void saveDirective(String key, byte[] bytes) {
    stub.putState(key, bytes);
    stub.setStateValidationParameter(key, EndorsementPolicies.allPeersOf(DIRECTIVE_SETTERS));
  }

  /** The day (UTC) of this transaction's timestamp: the same on every endorsing peer. */
  LocalDate txDay() {
    return LocalDate.ofInstant(stub.getTxTimestamp(), ZoneOffset.UTC);
  }

  /**
   * The key holding the newest co-signed rule set. Named {@code current} since rule sets took
   * effect when published; it may now hold one whose effective date is still to come.
   */
  private static final String LATEST = "current";

  /** The organisations that set the directives: rule sets and minimum prices. */
  static final Set<Organisation> DIRECTIVE_SETTERS =
      EnumSet.of(Organisation.ECTA, Organisation.NATIONAL_BANK);

  List<PriceFloor> floors(String grade, String origin, String process) {
    return values(Keys.FLOOR, PriceFloor.class, grade, origin, process);
  }

  byte[] state(String key) {
    byte[] bytes = stub.getState(key);
    return bytes == null ? new byte[0] : bytes;
  }

  <T> List<T> values(String type, Class<T> as, String... attributes) {
    List<T> found = new ArrayList<>();
    try (QueryResultsIterator<KeyValue> results =
        stub.getStateByPartialCompositeKey(type, attributes)) {
      for (KeyValue kv : results) {
        found.add(CanonicalJson.fromBytes(kv.getValue(), as));
      }
    } catch (Exception e) {
      throw new IllegalStateException("range query over " + type + " failed", e);
    }
    return found;
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
