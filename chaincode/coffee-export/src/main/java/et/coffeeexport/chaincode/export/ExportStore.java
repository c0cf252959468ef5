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
import java.nio.charset.StandardCharsets;
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

  RuleSet currentRules() {
    byte[] bytes = stub.getState(Keys.ruleSet(stub, "current"));
    if (bytes == null || bytes.length == 0) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED, "no rule set is in force; ECTA must publish one");
    }
    return CanonicalJson.fromBytes(bytes, RuleSet.class);
  }

  /** Rule sets change only with ECTA's and National Bank's peers both endorsing. */
  void saveRules(RuleSet rules) {
    byte[] bytes = CanonicalJson.toBytes(rules);
    byte[] policy = EndorsementPolicies.allPeersOf(DIRECTIVE_SETTERS);
    for (String key :
        List.of(
            Keys.ruleSet(stub, String.format("%06d", rules.version())),
            Keys.ruleSet(stub, "current"))) {
      stub.putState(key, bytes);
      stub.setStateValidationParameter(key, policy);
    }
  }

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
