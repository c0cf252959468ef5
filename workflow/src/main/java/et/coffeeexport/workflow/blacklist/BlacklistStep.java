package et.coffeeexport.workflow.blacklist;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.BlacklistAction;
import et.coffeeexport.connectors.fabric.Ledger;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.UserManagementChaincode;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.administration.AdministrationSteps;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ledger step of a blacklist change: enters the buyer (the process's business key) on ECTA's
 * blacklist with its name, country and the reasons, or takes it off, signed by the ECTA officer who
 * decided. An entry the registry already holds as asked (same standing, same reason) is passed
 * over, so a retried job converges; a refusal goes back to the officer.
 */
@Component("blacklistStep")
class BlacklistStep implements JavaDelegate {
  private final UserManagementChaincode registry;
  private final AdministrationSteps steps;
  private final DecisionOutcomes outcomes;

  BlacklistStep(Ledger ledger, AdministrationSteps steps, DecisionOutcomes outcomes) {
    this.registry = ledger.userManagement();
    this.steps = steps;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var action =
        BlacklistAction.valueOf(
            AdministrationSteps.property(execution, ExportProcess.BLACKLIST_ACTION));
    StoredIdentity ecta = steps.signer(execution);
    String buyerId = execution.getProcessBusinessKey();
    String reason =
        String.join("; ", AdministrationSteps.lines(execution.getVariable(ExportProcess.REASONS)));
    boolean listing = action == BlacklistAction.ADD;
    try {
      JsonNode entry = entry(ecta, buyerId);
      boolean done =
          entry != null
              && entry.path("blacklisted").asBoolean() == listing
              && reason.equals(entry.path("reason").asText());
      if (!done) {
        var written =
            listing
                ? registry.blacklistBuyer(
                    ecta,
                    buyerId,
                    AdministrationSteps.text(execution, ExportProcess.BUYER_NAME),
                    AdministrationSteps.text(execution, ExportProcess.BUYER_COUNTRY),
                    reason)
                : registry.removeBuyerFromBlacklist(ecta, buyerId, reason);
        outcomes.committed(execution, written.transactionId());
      }
    } catch (LedgerRefusal e) {
      throw steps.refused(execution, e.getMessage());
    }
    LedgerActors.consumed(execution);
  }

  /** The buyer's registry entry, or null when the registry has none. */
  private JsonNode entry(StoredIdentity reader, String buyerId) {
    try {
      return registry.readBuyer(reader, buyerId);
    } catch (LedgerRefusal e) {
      if (e.code() == RefusalCode.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }
}
