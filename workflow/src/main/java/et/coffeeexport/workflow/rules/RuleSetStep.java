package et.coffeeexport.workflow.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.RuleSetAction;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.RuleSetChange;
import et.coffeeexport.domain.RuleSetProposal;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.SigningRefused;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ledger steps of a rule-set change, each signed by the person who decided it: the proposal
 * (the ECTA officer who started the process, or who revised it) builds the next version on the
 * newest co-signed rule set and records its version and hash; the co-signature (the National Bank
 * supervisor who completed the task before it) names exactly that version and hash. The domain's
 * own checks run first, as the chaincode runs them; a refusal returns to the task with its reason
 * (BPMN error {@code LEDGER_REFUSED}). A change ECTA withdraws after it was sent back is withdrawn
 * on the ledger too, by the officer who withdrew it. A step retried after the ledger committed
 * finds its work done: the same proposal written again is the same bytes, a co-signature already on
 * the ledger for this very proposal is accepted.
 */
@Component("ruleSetStep")
class RuleSetStep implements JavaDelegate {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CoffeeExportChaincode ledger;
  private final LedgerIdentities identities;
  private final DecisionOutcomes outcomes;

  RuleSetStep(
      CoffeeExportChaincode ledger, LedgerIdentities identities, DecisionOutcomes outcomes) {
    this.ledger = ledger;
    this.identities = identities;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RuleSetAction action =
        RuleSetAction.valueOf(
            LedgerActors.property(execution, ExportProcess.RULE_SET_ACTION)
                .orElseThrow(
                    () -> new IllegalStateException("no " + ExportProcess.RULE_SET_ACTION)));
    try {
      switch (action) {
        case PROPOSE -> propose(execution, signedBy(execution));
        case COSIGN -> cosign(execution, signedBy(execution));
        case WITHDRAW -> {
          if (!withdraw(execution, signedBy(execution))) {
            outcomes.nothingWritten(execution);
          }
        }
      }
    } catch (LedgerRefusal e) {
      throw refused(execution, e.getMessage());
    } catch (ProposedChanges.Refused e) {
      throw refused(execution, RefusalCode.INVALID_ARGUMENT + ": " + e.getMessage());
    }
    execution.removeVariable(ExportProcess.LEDGER_REFUSAL);
    LedgerActors.consumed(execution);
  }

  private void propose(DelegateExecution execution, StoredIdentity ecta) {
    ProposedChanges changes = ProposedChanges.of(execution::getVariable);
    RuleSet latest = ledger.readLatestRuleSet(ecta);
    RuleSet proposed = changes.applyTo(latest);
    var refusal = RuleSetChange.proposalRefusal(proposed, latest, LocalDate.now(ZoneOffset.UTC));
    if (refusal.isPresent()) {
      throw refused(execution, refusal.get().code() + ": " + refusal.get().reason());
    }
    var written = ledger.proposeRuleSet(ecta, JSON.valueToTree(proposed).toString());
    outcomes.committed(execution, written.transactionId());
    RuleSetProposal proposal = written.answer();
    execution.setVariable(ExportProcess.PROPOSED_VERSION, proposal.rules().version());
    execution.setVariable(ExportProcess.PROPOSAL_HASH, proposal.hash());
    execution.setVariable(ExportProcess.CHANGE_SUMMARY, changes.summary(latest));
  }

  private void cosign(DelegateExecution execution, StoredIdentity nationalBank) {
    int version = ((Number) execution.getVariable(ExportProcess.PROPOSED_VERSION)).intValue();
    String hash = (String) execution.getVariable(ExportProcess.PROPOSAL_HASH);
    try {
      outcomes.committed(
          execution, ledger.cosignRuleSet(nationalBank, version, hash).transactionId());
    } catch (LedgerRefusal e) {
      boolean alreadyThisOne =
          e.code() == RefusalCode.ALREADY_EXISTS
              && hash.equals(ledger.readRuleSetProposal(nationalBank, version).hash());
      if (!alreadyThisOne) {
        throw e;
      }
    }
  }

  /**
   * Takes back this change's proposal if it is still pending on the ledger, named by its hash.
   * Nothing was proposed (the first proposal was refused); NOT_FOUND (a retry finds it withdrawn);
   * PROPOSAL_CHANGED, or ALREADY_EXISTS for another proposal of the version (another change
   * replaced this one): nothing of this change is left to take back.
   *
   * @return whether the ledger withdrew it
   */
  private boolean withdraw(DelegateExecution execution, StoredIdentity ecta) {
    Object version = execution.getVariable(ExportProcess.PROPOSED_VERSION);
    String hash = (String) execution.getVariable(ExportProcess.PROPOSAL_HASH);
    if (version == null || hash == null) {
      return false;
    }
    int number = ((Number) version).intValue();
    try {
      outcomes.committed(
          execution, ledger.withdrawRuleSetProposal(ecta, number, hash).transactionId());
      return true;
    } catch (LedgerRefusal e) {
      boolean replaced =
          e.code() == RefusalCode.PROPOSAL_CHANGED
              || (e.code() == RefusalCode.ALREADY_EXISTS
                  && !hash.equals(ledger.readRuleSetProposal(ecta, number).hash()));
      if (e.code() != RefusalCode.NOT_FOUND && !replaced) {
        throw e;
      }
      return false;
    }
  }

  /**
   * Who decided the step. A rule set is a person's decision: with nobody marked the job fails and
   * becomes an incident, never a platform signature.
   */
  private StoredIdentity signedBy(DelegateExecution execution) {
    String username = LedgerActors.decider(execution);
    if (username == null) {
      throw new IllegalStateException(execution.getCurrentActivityId() + ": nobody decided it");
    }
    try {
      return identities.forUsername(username);
    } catch (SigningRefused e) {
      throw refused(execution, RefusalCode.FORBIDDEN + ": " + e.getMessage());
    }
  }

  private static BpmnError refused(DelegateExecution execution, String reason) {
    LedgerActors.consumed(execution);
    return new BpmnError(ExportProcess.LEDGER_REFUSED, reason);
  }
}
