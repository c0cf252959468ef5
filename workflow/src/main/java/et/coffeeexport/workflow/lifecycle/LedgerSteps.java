package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Decided;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.SigningRefused;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.time.LocalDate;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What every ledger step does: find who decided (the user who completed the task, or the exporter
 * who filed), sign with their own ledger identity, submit through the typed client with the step's
 * key, follow the deadlines the ledger answered, and turn a chaincode refusal into the BPMN error
 * the models catch. A technical failure ({@code LedgerUnavailable}) is left to fail the job: the
 * engine retries it and then raises an incident analysts see.
 */
@Component
class LedgerSteps {
  private final CoffeeExportChaincode ledger;
  private final LedgerIdentities identities;
  private final CachedLedgerReads reads;
  private final DeadlineTimers deadlines;
  private final ExportOf exports;
  private final DecisionOutcomes outcomes;

  LedgerSteps(
      CoffeeExportChaincode ledger,
      LedgerIdentities identities,
      CachedLedgerReads reads,
      DeadlineTimers deadlines,
      ExportOf exports,
      DecisionOutcomes outcomes) {
    this.exports = exports;
    this.outcomes = outcomes;
    this.ledger = ledger;
    this.identities = identities;
    this.reads = reads;
    this.deadlines = deadlines;
  }

  /**
   * The person deciding now: the engine's authenticated user when the step runs in their request,
   * else the user marked for this very step (who completed the task before it, or reported the
   * message that triggered it), else the exporter who filed the export (as the filing recorded it,
   * not a variable).
   */
  StoredIdentity actor(DelegateExecution execution) {
    String username = deciderName(execution);
    try {
      return identities.forUsername(username);
    } catch (SigningRefused e) {
      throw forbidden(e);
    }
  }

  private String deciderName(DelegateExecution execution) {
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String username =
        authentication != null ? authentication.getUserId() : Decisions.decider(execution);
    return username != null ? username : exports.filer(execution);
  }

  private static BpmnError forbidden(SigningRefused e) {
    return new BpmnError(ExportProcess.LEDGER_REFUSED, "FORBIDDEN: " + e.getMessage());
  }

  /**
   * Writes as the deciding person, their Keycloak entry read while the peers endorse ({@link
   * LedgerIdentities#signing}); when Keycloak disagrees, nothing was ordered and the write is
   * signed again after the identity is brought in line.
   */
  private Decided signed(DelegateExecution execution, Function<Signatory, Decided> write) {
    String username = deciderName(execution);
    try {
      try {
        return write.apply(identities.signing(username));
      } catch (LedgerIdentities.DirectoryChanged e) {
        return write.apply(identities.forUsername(username));
      }
    } catch (SigningRefused e) {
      throw forbidden(e);
    }
  }

  String exportId(DelegateExecution execution) {
    return exports.id(execution);
  }

  /** Takes {@code action} on the process's export as the deciding person. */
  Decided take(DelegateExecution execution, ExportAction action, String input) {
    String exportId = exportId(execution);
    String stepKey = Decisions.stepKey(execution);
    return followed(
        execution,
        exportId,
        () -> signed(execution, actor -> ledger.take(actor, action, exportId, input, stepKey)));
  }

  /**
   * Runs a ledger write and follows what it answered. A refusal becomes the BPMN error the models
   * catch; the decider's marks are consumed only when the step is done.
   */
  Decided followed(DelegateExecution execution, String exportId, Supplier<Decided> write) {
    Decided decided;
    try {
      decided = write.get();
    } catch (LedgerRefusal e) {
      Decisions.consumed(execution);
      throw refused(execution, e);
    }
    // Whoever reads this export next sees the write, without waiting for its event.
    reads.changed(exportId);
    // The person who decided reads the transaction after "Complete" (a refusal is recorded where
    // the model catches it, whoever threw it: Refusals).
    outcomes.committed(
        Decisions.stepKey(execution), decided.transactionId(), decided.export().status().name());
    Decisions.consumed(execution);
    String shipmentDue = decided.export().fact(ExportFacts.SHIPMENT_DUE);
    if (shipmentDue != null) {
      deadlines.shipment(execution, LocalDate.parse(shipmentDue.substring(0, 10)));
    }
    String repatriationDue = decided.export().fact(ExportFacts.REPATRIATION_DUE);
    if (repatriationDue != null) {
      deadlines.repatriation(execution, LocalDate.parse(repatriationDue.substring(0, 10)));
    }
    return decided;
  }

  /**
   * A refusal the model catches (a {@code LEDGER_REFUSED} boundary event on the step) goes back to
   * the person who decided; anywhere else it must not end the process silently: it fails the job,
   * which becomes an incident an operator sees in Cockpit.
   */
  private static RuntimeException refused(DelegateExecution execution, LedgerRefusal e) {
    var element = execution.getBpmnModelElementInstance();
    boolean caught =
        element != null
            && element
                .getModelInstance()
                .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.BoundaryEvent.class)
                .stream()
                .filter(b -> b.getAttachedTo().getId().equals(element.getId()))
                .flatMap(b -> b.getEventDefinitions().stream())
                .anyMatch(
                    d ->
                        d instanceof org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition error
                            && error.getError() != null
                            && ExportProcess.LEDGER_REFUSED.equals(
                                error.getError().getErrorCode()));
    return caught
        ? new BpmnError(ExportProcess.LEDGER_REFUSED, e.getMessage())
        : new IllegalStateException(
            "the ledger refused " + execution.getCurrentActivityId() + ": " + e.getMessage(), e);
  }

  /** The export as the ledger holds it, read by the deciding person. */
  et.coffeeexport.domain.ExportSnapshot export(DelegateExecution execution) {
    return reads.export(actor(execution), exportId(execution));
  }

  /** The export's private terms, read by the deciding officer (a member of the collection). */
  ExportTerms privateTerms(DelegateExecution execution) {
    try {
      return ledger.readTerms(actor(execution), exportId(execution));
    } catch (LedgerRefusal e) {
      throw new BpmnError(ExportProcess.LEDGER_REFUSED, e.getMessage());
    }
  }

  CoffeeExportChaincode ledger() {
    return ledger;
  }
}
