package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The repatriation watchdog fired: National Bank marks the proceeds overdue on the export, and the
 * chaincode marks the exporter delinquent in the participant registry within the same transaction
 * (whatever its standing; marking twice changes nothing). No one completes a task here, so the
 * decision is signed by the National Bank officer the bank made accountable for it (configuration).
 */
@Component("markExporterDelinquent")
class Delinquency implements JavaDelegate {
  private final CoffeeExportChaincode ledger;
  private final LedgerIdentities identities;
  private final String signer;

  Delinquency(
      CoffeeExportChaincode ledger,
      LedgerIdentities identities,
      @Value("${coffee-export.lifecycle.delinquency-signer:national-bank.supervisor}")
          String signer) {
    this.ledger = ledger;
    this.identities = identities;
    this.signer = signer;
  }

  @Override
  public void execute(DelegateExecution execution) {
    var nbe = identities.forUsername(signer);
    String exportId = execution.getProcessBusinessKey();
    try {
      ledger.markRepatriationOverdue(nbe, exportId);
    } catch (LedgerRefusal e) {
      // Nothing in the model waits for this refusal: the timer's job fails, is retried, and
      // becomes an incident analysts see in Cockpit, instead of an error nothing catches.
      throw new IllegalStateException("the ledger refused to mark " + exportId + " overdue", e);
    }
  }
}
