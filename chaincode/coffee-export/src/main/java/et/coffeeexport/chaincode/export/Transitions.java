package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.Caller;
import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.Decision;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportState;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * What every lifecycle transaction does: identify the caller, check the registry, ask the
 * lifecycle, run the stage's own checks, then persist the export, its decision record and its
 * event. Transactions only supply the stage step.
 */
final class Transitions {
  final ChaincodeStub stub;
  final ExportStore store;
  final ParticipantRegistry registry;
  final Caller caller;
  final Steps steps;
  private final List<String> workflowDecisions = new ArrayList<>();

  Transitions(Context ctx) {
    this.stub = ctx.getStub();
    this.store = new ExportStore(stub);
    this.caller = Caller.of(ctx);
    this.registry = new ParticipantRegistry(stub, caller);
    this.steps = new Steps(stub, store, caller);
  }

  /** A stage's own checks and what it records; throws a chaincode error to refuse. */
  interface Step {
    Outcome apply(ExportSnapshot export, RuleSet rules);
  }

  /** What a step recorded, and the rule versions it applied beyond the rule set. */
  record Outcome(Map<String, String> facts, List<String> rulesApplied) {
    static Outcome of(Map<String, String> facts, String... rules) {
      return new Outcome(facts, List.of(rules));
    }

    static final Outcome NOTHING = new Outcome(Map.of(), List.of());
  }

  /** The workflow's decision tables this transaction's decision applied ({@code key:vN}). */
  Transitions applying(List<String> decisionTables) {
    workflowDecisions.addAll(Inputs.decisionTables(decisionTables));
    return this;
  }

  /**
   * Takes {@code action} on the export; returns the stored export as JSON. A step the transient
   * step key shows as taken already is answered, not taken again ({@link Steps}).
   */
  String take(String exportId, ExportAction action, List<String> reasons, Step step) {
    ExportContract.requireId(exportId);
    return replayed(exportId, action)
        .orElseGet(() -> take(store.export(exportId), action, reasons, step));
  }

  /**
   * The export as it stands if this transaction's step key already took {@code action} on it; empty
   * if the transaction must decide. Transactions that do not go through {@link #take(String,
   * ExportAction, List, Step)} ask this first, before anything that could refuse on state.
   */
  Optional<String> replayed(String exportId, ExportAction action) {
    return steps.replayed(exportId, action);
  }

  /** Takes {@code action} on an export, under the rule set it was filed under. */
  private String take(ExportSnapshot export, ExportAction action, List<String> reasons, Step step) {
    return take(export, store.rulesOf(export), action, reasons, step);
  }

  /** Takes {@code action} on an export and rule set this transaction has already read. */
  String take(
      ExportSnapshot export, RuleSet rules, ExportAction action, List<String> reasons, Step step) {
    ExportState next = decide(export, action, rules);
    requireDocuments(export, action, rules);
    Outcome outcome = step.apply(export, rules);
    ExportSnapshot after = export.decided(next, outcome.facts(), now());
    return commit(export, after, action.name(), reasons, rules, outcome, Events.of(action));
  }

  /** Persists a decision: the export, its entry in the trail, and the transaction's one event. */
  String commit(
      ExportSnapshot before,
      ExportSnapshot after,
      String action,
      List<String> reasons,
      RuleSet rules,
      Outcome outcome,
      String event) {
    record(before, after, action, reasons, rules, outcome);
    return ExportStore.utf8(emit(event, store.save(before, after)));
  }

  /** Whether the contract in {@code request} reaches the ledger later than the rules allow. */
  boolean reportedLate(et.coffeeexport.domain.ExportRequest request, RuleSet rules) {
    return et.coffeeexport.domain.Deadlines.reportedLate(
        java.time.Instant.parse(request.contractSignedAt()), stub.getTxTimestamp(), rules);
  }

  /**
   * Checks who may act, then asks the lifecycle; the answer's rejection code becomes the chaincode
   * error code.
   */
  ExportState decide(ExportSnapshot export, ExportAction action, RuleSet rules) {
    ExportState next = allowed(export, action, rules);
    if (caller.role() != Role.EXPORTER) {
      registry.requireActiveOfficer(caller);
    }
    return next;
  }

  /**
   * The lifecycle's answer for the caller, without the registry's: for steps that must learn more
   * (the buyer, from the private terms) before the transaction's one registry call.
   */
  ExportState allowed(ExportSnapshot export, ExportAction action, RuleSet rules) {
    if (export != null) {
      registry.about(export.exporterId());
    }
    if (caller.organisation() == null || caller.role() == null) {
      throw ContractError.of(
          RefusalCode.FORBIDDEN, "the caller's certificate names no member organisation and role");
    }
    if (caller.role() == Role.EXPORTER
        && export != null
        && !export.exporterId().equals(caller.exporterId())) {
      throw ContractError.of(RefusalCode.FORBIDDEN, "exporters act only on their own exports");
    }
    Decision decision =
        ExportLifecycle.decide(
            export == null ? null : export.state(),
            action,
            caller.actor(),
            rules.maxAmendmentRounds());
    if (decision instanceof Decision.Rejected rejected) {
      throw ContractError.of(rejected.code(), rejected.reason());
    }
    return ((Decision.Accepted) decision).next();
  }

  private void requireDocuments(ExportSnapshot export, ExportAction action, RuleSet rules) {
    List<String> missing = new ArrayList<>();
    for (DocumentType type : rules.documentsRequiredFor(action).stream().sorted().toList()) {
      if (store
          .values(Keys.DOCUMENT, DocumentAnchor.class, export.exportId(), type.name())
          .isEmpty()) {
        missing.add(type.name());
      }
    }
    if (!missing.isEmpty()) {
      throw ContractError.of(
          RefusalCode.PRECONDITION_FAILED,
          action + " needs these documents anchored first: " + missing);
    }
  }

  /** Appends to the decision trail, and records the transaction's step key with the entry. */
  void record(
      ExportSnapshot before,
      ExportSnapshot after,
      String action,
      List<String> reasons,
      RuleSet rules,
      Outcome outcome) {
    List<String> applied = new ArrayList<>();
    applied.add("ruleset:" + rules.version());
    applied.addAll(outcome.rulesApplied());
    workflowDecisions.forEach(d -> applied.add("dmn:" + d));
    ExportStatus from = before == null ? null : before.status();
    Stage stage = ExportLifecycle.stageWaitingIn(from == null ? ExportStatus.SUBMITTED : from);
    store.seal(caller.organisation());
    store.saveDecision(
        new DecisionEntry(
            after.exportId(),
            after.decisions(),
            action,
            from,
            after.status(),
            from == null ? Stage.SUBMISSION : stage,
            caller.mspId(),
            caller.role(),
            caller.certificateId(),
            caller.enrollmentId(),
            caller.userId(),
            stub.getTxId(),
            now(),
            List.copyOf(reasons),
            applied,
            new TreeMap<>(outcome.facts()),
            steps.pendingKey()));
    steps.record(after.exportId(), after.decisions());
  }

  byte[] emit(String event, byte[] payload) {
    stub.setEvent(event, payload);
    return payload;
  }

  /** The transaction's timestamp: the same on every endorsing peer, unlike a clock. */
  String now() {
    return stub.getTxTimestamp().toString();
  }

  /** A number derived from the transaction id, so that every endorsing peer issues the same one. */
  String issueNumber(String prefix) {
    return prefix + "-" + stub.getTxId().substring(0, 12).toUpperCase(java.util.Locale.ROOT);
  }

  static String json(Object value) {
    return ExportStore.utf8(CanonicalJson.toBytes(value));
  }
}
