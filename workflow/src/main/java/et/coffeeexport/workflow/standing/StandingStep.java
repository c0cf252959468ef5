package et.coffeeexport.workflow.standing;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.StandingAction;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.administration.AdministrationSteps;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ledger step of a standing change: proposes the change (an officer, for a ban or a
 * reinstatement), withdraws a proposal given up, or changes the standing (an officer alone, or the
 * supervisor who co-signs), signed by the person who decided, with the reasons and the supporting
 * documents resolved against the ledger. Clearing a delinquency carries the repatriation evidence.
 * The exporter is the process's business key, the standing its start form's enumeration. A change
 * the registry's trail already shows as this person's, with these reasons, is passed over: a
 * retried job converges.
 */
@Component("standingStep")
class StandingStep implements JavaDelegate {
  private final UserManagementChaincode registry;
  private final AdministrationSteps steps;
  private final SupportingDocuments documents;
  private final RepatriationEvidence evidence;
  private final DecisionOutcomes outcomes;

  StandingStep(
      Ledger ledger,
      AdministrationSteps steps,
      SupportingDocuments documents,
      RepatriationEvidence evidence,
      DecisionOutcomes outcomes) {
    this.registry = ledger.userManagement();
    this.steps = steps;
    this.documents = documents;
    this.evidence = evidence;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var action =
        StandingAction.valueOf(
            AdministrationSteps.property(execution, ExportProcess.STANDING_ACTION));
    StoredIdentity signer = steps.signer(execution);
    String exporterId = execution.getProcessBusinessKey();
    var to = ExporterStanding.valueOf(AdministrationSteps.text(execution, ExportProcess.STANDING));
    List<String> reasons = AdministrationSteps.lines(execution.getVariable(ExportProcess.REASONS));
    try {
      List<String> recorded =
          new ArrayList<>(
              documents.resolve(
                  signer,
                  AdministrationSteps.lines(execution.getVariable(ExportProcess.DOCUMENTS))));
      if (action == StandingAction.WITHDRAW) {
        withdraw(signer, exporterId, to)
            .ifPresentOrElse(
                tx -> outcomes.committed(execution, tx), () -> outcomes.nothingWritten(execution));
      } else if (action == StandingAction.PROPOSE) {
        // A proposal replaces the pending one: proposing again converges by itself.
        outcomes.committed(
            execution,
            registry
                .proposeStandingChange(signer, exporterId, to, reasons, recorded)
                .transactionId());
      } else if (!decidedAlready(signer, exporterId, to, reasons)) {
        if (standingOf(signer, exporterId).needsRepatriationEvidence(to)) {
          recorded.addAll(
              evidence.of(
                  signer,
                  exporterId,
                  AdministrationSteps.text(execution, ExportProcess.REPATRIATED_EXPORT_ID)));
        }
        outcomes.committed(
            execution,
            registry
                .changeExporterStanding(signer, exporterId, to, reasons, recorded)
                .transactionId());
      }
    } catch (LedgerRefusal e) {
      throw steps.refused(execution, e.getMessage());
    }
    LedgerActors.consumed(execution);
  }

  /**
   * Takes back this change's proposal if it is still pending. A suspension was never proposed;
   * NOT_FOUND (the proposal was refused, or a retry finds it withdrawn), PROPOSAL_CHANGED and
   * FORBIDDEN (another change, or another organisation's, is pending) leave nothing of this change
   * to take back. Any other refusal returns to the officer.
   *
   * @return the transaction that withdrew it, empty when there was nothing to withdraw
   */
  private Optional<String> withdraw(StoredIdentity signer, String exporterId, ExporterStanding to) {
    if (to == ExporterStanding.SUSPENDED) {
      return Optional.empty();
    }
    try {
      return Optional.of(registry.withdrawStandingProposal(signer, exporterId, to).transactionId());
    } catch (LedgerRefusal e) {
      if (!NOTHING_OF_THIS_CHANGE_PENDING.contains(e.code())) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static final Set<RefusalCode> NOTHING_OF_THIS_CHANGE_PENDING =
      EnumSet.of(RefusalCode.NOT_FOUND, RefusalCode.PROPOSAL_CHANGED, RefusalCode.FORBIDDEN);

  /** The exporter's effective standing (an expired licence is still ACTIVE in the registry). */
  private ExporterStanding standingOf(StoredIdentity reader, String exporterId) {
    String status = registry.exporterStatus(reader, exporterId);
    return "LICENCE_EXPIRED".equals(status)
        ? ExporterStanding.ACTIVE
        : ExporterStanding.valueOf(status);
  }

  /** Whether the trail's latest decision is this change, by this person, for these reasons. */
  private boolean decidedAlready(
      StoredIdentity signer, String exporterId, ExporterStanding to, List<String> reasons) {
    JsonNode trail = registry.registryDecisions(signer, "exporter", exporterId);
    if (trail.isEmpty()) {
      return false;
    }
    JsonNode last = trail.get(trail.size() - 1);
    List<String> recorded = new ArrayList<>();
    last.path("reasons").forEach(r -> recorded.add(r.asText()));
    return to.name().equals(last.path("to").asText())
        && signer.userId().equals(last.path("userId").asText())
        && reasons.equals(recorded);
  }
}
