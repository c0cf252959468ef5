package et.coffeeexport.workflow.cancellation;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Decided;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.administration.AdministrationSteps;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The cancellation for cause: the officer of ECTA or National Bank who decided cancels the export
 * (the process's business key) on the ledger, with the reasons; the chaincode refuses it after
 * shipment, and the refusal goes back to them. Once the ledger recorded it, the export's lifecycle
 * is ended through its own {@code Cancellation} event sub-process: {@code CancelExport} is
 * correlated with this decision's signer and step key for {@code RecordCancellation}, whose ledger
 * step then finds the decision already recorded (the chaincode replays a step key taken by the same
 * person for the same action and writes nothing). One decision on the ledger; the lifecycle ends at
 * {@code ExportCancelled}. A job retried after the engine rolled back replays the same way.
 */
@Component("cancelForCause")
class CancellationForCause implements JavaDelegate {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CoffeeExportChaincode ledger;
  private final CachedLedgerReads reads;
  private final AdministrationSteps steps;
  private final DecisionOutcomes outcomes;

  CancellationForCause(
      CoffeeExportChaincode ledger,
      CachedLedgerReads reads,
      AdministrationSteps steps,
      DecisionOutcomes outcomes) {
    this.ledger = ledger;
    this.reads = reads;
    this.steps = steps;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    StoredIdentity officer = steps.signer(execution);
    String exportId = execution.getProcessBusinessKey();
    String key = AdministrationSteps.stepKey(execution);
    List<String> reasons = AdministrationSteps.lines(execution.getVariable(ExportProcess.REASONS));
    var notes = JSON.createObjectNode();
    reasons.forEach(notes.putArray("reasons")::add);
    Decided decided;
    try {
      decided = ledger.take(officer, ExportAction.CANCEL, exportId, notes.toString(), key);
    } catch (LedgerRefusal e) {
      throw steps.refused(execution, e.getMessage());
    }
    reads.changed(exportId);
    outcomes.committed(execution, decided.transactionId(), decided.export().status().name());
    endLifecycle(execution, exportId, officer.username(), key, String.join("\n", reasons));
    LedgerActors.consumed(execution);
  }

  /**
   * Hands the recorded decision to the export's lifecycle, if it still runs (none: the ledger is
   * the authority, and there is nothing to end).
   */
  private static void endLifecycle(
      DelegateExecution execution, String exportId, String officer, String key, String reasons) {
    var runtime = execution.getProcessEngineServices().getRuntimeService();
    var lifecycle =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ExportProcess.KEY)
            .processInstanceBusinessKey(exportId)
            .list();
    for (var instance : lifecycle) {
      runtime
          .createMessageCorrelation(ExportProcess.CANCEL_EXPORT)
          .processInstanceId(instance.getId())
          .setVariable(LedgerActors.decidedBy(ExportProcess.RECORD_CANCELLATION), officer)
          .setVariable(LedgerActors.stepKey(ExportProcess.RECORD_CANCELLATION), key)
          .setVariable(ExportProcess.REASONS, reasons)
          .correlateAllWithResult();
    }
  }
}
