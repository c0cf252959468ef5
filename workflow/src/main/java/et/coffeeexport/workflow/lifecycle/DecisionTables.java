package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.workflow.prices.MinimumPrices;
import et.coffeeexport.workflow.rules.RuleSets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The workflow's decision tables a stage applies before its decision goes to the ledger, and the
 * reference ({@code key:vN}, the deployed version) written with the decision: ECX's grade from the
 * scores, ECTA's minimum price, National Bank's FX rules (decided by the model's business rule
 * task). The chaincode checks again with the ledger's own rules.
 *
 * <p>The minimum price is the ledger's co-signed floor in force on the contract's date ({@link
 * MinimumPrices}, the entry the chaincode applies); without one the approval returns to the officer
 * saying what it waits for. No decision table repeats a floor: the ledger is its only source.
 */
@Component
public class DecisionTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DecisionService decisions;
  private final RepositoryService repository;
  private final MinimumPrices minimumPrices;
  private final RuleSets ruleSets;

  DecisionTables(
      DecisionService decisions,
      RepositoryService repository,
      MinimumPrices minimumPrices,
      RuleSets ruleSets) {
    this.decisions = decisions;
    this.repository = repository;
    this.minimumPrices = minimumPrices;
    this.ruleSets = ruleSets;
  }

  /** The approval's JSON with the decision tables it applied; refuses early what they refuse. */
  String approval(
      DelegateExecution execution,
      ExportAction action,
      String json,
      java.util.function.Supplier<et.coffeeexport.domain.ExportSnapshot> export,
      java.util.function.Supplier<et.coffeeexport.domain.ExportTerms> privateTerms,
      java.util.function.Supplier<Signatory> reader) {
    ObjectNode input = parse(json);
    switch (action) {
      case CERTIFY_QUALITY -> {
        // The grades' minimum scores are the rule set's the export was filed under, not the
        // table's: one source.
        Map<String, Object> variables =
            new HashMap<>(ruleSets.decisionInputs(reader.get(), export.get().ruleVersion()));
        variables.put("physicalScore", input.path("physicalScore").asDouble());
        variables.put("cupScore", input.path("cupScore").asDouble());
        var result = decisions.evaluateDecisionTableByKey("grade").variables(variables).evaluate();
        execution.setVariable("grade", result.getSingleEntry());
        input.putArray("decisionTables").add(ref("grade"));
      }
      case APPROVE_COMPLIANCE -> {
        // The request as the ledger holds it now (amendments included), not a variable; the floor
        // is the ledger's co-signed entry, its only source (no decision table repeats it).
        var request = export.get().request();
        PriceFloor floor = floorInForce(request, reader.get());
        if (!floor.admits(privateTerms.get().pricePerLbUsd())) {
          throw new BpmnError(
              et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED,
              // Not the price itself: the message becomes a variable, which analysts read.
              "PRICE_BELOW_MINIMUM: the contract price is below the minimum of "
                  + floor.minPricePerLbUsd()
                  + " USD/lb ("
                  + floor.id()
                  + ")");
        }
        input.putArray("decisionTables");
      }
      case APPROVE_FOREIGN_EXCHANGE -> {
        if (Boolean.FALSE.equals(execution.getVariable("paymentModeAllowed"))) {
          throw new BpmnError(
              et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED,
              "PRECONDITION_FAILED: the payment mode is not allowed (" + ref("fx-rules") + ")");
        }
        input.putArray("decisionTables").add(ref("fx-rules"));
      }
      default -> {
        return json == null || json.isBlank() ? "{}" : json;
      }
    }
    return input.toString();
  }

  /** The ledger's co-signed floor for the request on its contract date, or a refusal to wait. */
  private PriceFloor floorInForce(et.coffeeexport.domain.ExportRequest request, Signatory reader) {
    try {
      return minimumPrices.inForce(
          reader,
          request.grade(),
          request.origin(),
          request.process(),
          LocalDate.parse(request.contractDate()));
    } catch (MinimumPrices.MinimumPriceMissing e) {
      throw new BpmnError(et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED, e.getMessage());
    }
  }

  /** The deployed version of a decision table, as the ledger records it ({@code key:vN}). */
  public String ref(String key) {
    var definition =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(key)
            .latestVersion()
            .singleResult();
    return key + ":v" + definition.getVersion();
  }

  private static ObjectNode parse(String json) {
    try {
      return json == null || json.isBlank()
          ? JSON.createObjectNode()
          : (ObjectNode) JSON.readTree(json);
    } catch (Exception e) {
      throw new BpmnError(
          et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED,
          "INVALID_ARGUMENT: the stage record is not a JSON object");
    }
  }
}
