package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.cache.CachedLedgerReads;
import et.coffeeexport.connectors.fabric.Committed;
import et.coffeeexport.connectors.fabric.ExportLedger;
import et.coffeeexport.connectors.fabric.LedgerCall;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.identity.wallet.LedgerIdentities;
import et.coffeeexport.identity.wallet.SigningRefused;
import et.coffeeexport.identity.wallet.StoredIdentity;
import java.io.IOException;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What every lifecycle delegate does: find who acts (the user who completed the task, or the
 * exporter who filed), sign with their own ledger identity, submit through the connector, and turn
 * a chaincode refusal into the BPMN error the models catch.
 */
@Component
class LedgerSteps {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExportLedger ledger;
  private final LedgerIdentities identities;
  private final CachedLedgerReads reads;

  LedgerSteps(ExportLedger ledger, LedgerIdentities identities, CachedLedgerReads reads) {
    this.ledger = ledger;
    this.identities = identities;
    this.reads = reads;
  }

  /** The person acting now: the engine's authenticated user (the one completing the task). */
  StoredIdentity actor(DelegateExecution execution) {
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    Object reporter = execution.getVariable(LedgerActors.ACTING_USER);
    if (reporter != null) {
      // Used once: it names who reported this message, not who acts next.
      execution.removeVariable(LedgerActors.ACTING_USER);
    }
    String username =
        authentication != null
            ? authentication.getUserId()
            : reporter != null
                ? reporter.toString()
                : (String) execution.getVariable(ExportProcess.EXPORTER_USER);
    try {
      return identities.forUsername(username);
    } catch (SigningRefused e) {
      throw new BpmnError(ExportProcess.LEDGER_REFUSED, "FORBIDDEN: " + e.getMessage());
    }
  }

  /** Submits {@code transaction} on the export as {@code actor}; returns the chaincode's result. */
  JsonNode submit(
      StoredIdentity actor,
      String contract,
      String transaction,
      Map<String, byte[]> transientData,
      String... args) {
    LedgerCall call =
        LedgerCall.of(actor.org(), actor, "coffee-export", contract, transaction, args);
    if (!transientData.isEmpty()) {
      call = call.privately(transientData);
    }
    try {
      Committed committed = ledger.submit(call);
      // Whoever reads this export next sees the write, without waiting for its event.
      if (args.length > 0) {
        reads.changed(args[0]);
      }
      return JSON.readTree(committed.result());
    } catch (LedgerRefusal e) {
      throw new BpmnError(ExportProcess.LEDGER_REFUSED, e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("the chaincode answered something that is not JSON", e);
    }
  }

  /** The export's private terms, read by the acting officer (a member of the collection). */
  JsonNode privateTerms(DelegateExecution execution) {
    StoredIdentity actor = actor(execution);
    try {
      return JSON.readTree(
          ledger.evaluate(
              LedgerCall.of(
                  actor.org(),
                  actor,
                  "coffee-export",
                  "ExportQueryContract",
                  "readTerms",
                  (String) execution.getVariable(ExportProcess.EXPORT_ID))));
    } catch (LedgerRefusal e) {
      throw new BpmnError(ExportProcess.LEDGER_REFUSED, e.getMessage());
    } catch (IOException e) {
      throw new IllegalStateException("the chaincode answered something that is not JSON", e);
    }
  }

  JsonNode step(DelegateExecution execution, String transaction, String json) {
    return submit(
        actor(execution),
        "ExportContract",
        transaction,
        Map.of(),
        (String) execution.getVariable(ExportProcess.EXPORT_ID),
        json == null || json.isBlank() ? "{}" : json);
  }
}
