package et.coffeeexport.workflow.prices;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.bpmn.ExportProcess.PriceFloorAction;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.identity.wallet.StoredIdentity;
import et.coffeeexport.workflow.administration.AdministrationSteps;
import et.coffeeexport.workflow.lifecycle.DecisionOutcomes;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The ledger step of a price-floor round: proposes (ECTA) or co-signs (National Bank) every floor
 * of the proposal, signed by the person who completed the task before the step. Floors are separate
 * ledger entries, so a step that failed half-way is retried: what the ledger already holds as this
 * round's is passed over, the rest written. A co-signature signs only the prices the supervisor was
 * shown: a ledger entry with another price is refused back to them. A chaincode refusal returns to
 * the task (BPMN error {@code LEDGER_REFUSED}) with its reason.
 */
@Component("priceFloorStep")
class PriceFloorStep implements JavaDelegate {
  private final CoffeeExportChaincode ledger;
  private final AdministrationSteps steps;
  private final DecisionOutcomes outcomes;

  PriceFloorStep(
      CoffeeExportChaincode ledger, AdministrationSteps steps, DecisionOutcomes outcomes) {
    this.ledger = ledger;
    this.steps = steps;
    this.outcomes = outcomes;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PriceFloorAction action =
        PriceFloorAction.valueOf(
            AdministrationSteps.property(execution, ExportProcess.PRICE_FLOOR_ACTION));
    StoredIdentity signer = steps.signer(execution);
    List<PriceFloor> floors;
    try {
      floors =
          ProposedFloors.parse(
              (String) execution.getVariable(ExportProcess.FLOORS_JSON),
              (String) execution.getVariable(ExportProcess.EFFECTIVE_DATE));
    } catch (IllegalArgumentException e) {
      throw refused(execution, "INVALID_ARGUMENT: " + e.getMessage());
    }
    List<String> transactions = new ArrayList<>();
    try {
      for (PriceFloor floor : floors) {
        (action == PriceFloorAction.PROPOSE
                ? propose(signer, floor)
                : cosign(execution, signer, floor))
            .ifPresent(transactions::add);
      }
    } catch (LedgerRefusal e) {
      throw refused(execution, e.getMessage());
    }
    // One transaction a floor: the person who decided is shown each of them.
    if (!transactions.isEmpty()) {
      outcomes.committed(execution, String.join(" ", transactions));
    }
    LedgerActors.consumed(execution);
  }

  /** The transaction that proposed {@code floor}; empty when the ledger holds it already. */
  private Optional<String> propose(StoredIdentity ecta, PriceFloor floor) {
    Optional<PriceFloor> held = held(ecta, floor);
    if (held.isPresent()
        && held.get().minPricePerLbUsd().compareTo(floor.minPricePerLbUsd()) == 0) {
      // Proposed already (this job's earlier attempt, the same price proposed again), or even in
      // force at that price (a round repeated): nothing to change.
      return Optional.empty();
    }
    return Optional.of(
        ledger.proposePriceFloor(ecta, ProposedFloors.proposal(floor)).transactionId());
  }

  /** The transaction that co-signed {@code floor}; empty when it was co-signed already. */
  private Optional<String> cosign(
      DelegateExecution execution, StoredIdentity bank, PriceFloor floor) {
    Optional<PriceFloor> held = held(bank, floor);
    if (held.isPresent()
        && held.get().minPricePerLbUsd().compareTo(floor.minPricePerLbUsd()) != 0) {
      throw refused(
          execution,
          "PRECONDITION_FAILED: the ledger's proposal for "
              + held.get().id()
              + " is "
              + held.get().minPricePerLbUsd()
              + " USD/lb, not the "
              + floor.minPricePerLbUsd()
              + " USD/lb reviewed");
    }
    if (held.isPresent() && held.get().cosigned()) {
      return Optional.empty(); // co-signed already by this job's earlier attempt
    }
    return Optional.of(
        ledger
            .cosignPriceFloor(
                bank, floor.grade(), floor.origin(), floor.process(), floor.effectiveDate())
            .transactionId());
  }

  /** The ledger's entry for this floor's grade, origin, process and day, if any. */
  private Optional<PriceFloor> held(StoredIdentity reader, PriceFloor floor) {
    return ledger.listPriceFloors(reader, floor.grade(), floor.origin(), floor.process()).stream()
        .filter(e -> floor.effectiveDate().equals(e.effectiveDate()))
        .findFirst();
  }

  private BpmnError refused(DelegateExecution execution, String reason) {
    return steps.refused(execution, reason);
  }
}
