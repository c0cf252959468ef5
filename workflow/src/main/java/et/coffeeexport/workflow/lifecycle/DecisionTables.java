package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.workflow.prices.MinimumPrices;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * saying what it waits for. Where the {@code minimum-price} table also has a row (the opening
 * prices), it is applied too and recorded, as before the floors were set daily.
 */
@Component
class DecisionTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DecisionService decisions;
  private final RepositoryService repository;
  private final MinimumPrices minimumPrices;

  DecisionTables(
      DecisionService decisions, RepositoryService repository, MinimumPrices minimumPrices) {
    this.decisions = decisions;
    this.repository = repository;
    this.minimumPrices = minimumPrices;
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
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    switch (action) {
      case CERTIFY_QUALITY -> {
        var result =
            decisions
                .evaluateDecisionTableByKey("grade")
                .variables(
                    Map.of(
                        "physicalScore", input.path("physicalScore").asDouble(),
                        "cupScore", input.path("cupScore").asDouble(),
                        "decisionDate", today))
                .evaluate();
        execution.setVariable("grade", result.getSingleEntry());
        input.putArray("decisionTables").add(ref("grade"));
      }
      case APPROVE_COMPLIANCE -> {
        // The request as the ledger holds it now (amendments included), not a variable.
        var request = export.get().request();
        var result =
            decisions
                .evaluateDecisionTableByKey("minimum-price")
                .variables(
                    Map.of(
                        "grade", request.grade(),
                        "origin", request.origin(),
                        "process", request.process(),
                        "decisionDate", today))
                .evaluate();
        Object minimum = result.isEmpty() ? null : result.getSingleEntry();
        var terms = privateTerms.get();
        PriceFloor floor = floorInForce(request, reader.get());
        if (!floor.admits(terms.pricePerLbUsd())) {
          throw new BpmnError(
              et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED,
              "PRICE_BELOW_MINIMUM: the contract price is below the minimum of "
                  + floor.minPricePerLbUsd()
                  + " USD/lb ("
                  + floor.id()
                  + ")");
        }
        // A grade, origin and process the opening table does not list: the ledger's floor alone
        // decides, and no table is recorded.
        var applied = input.putArray("decisionTables");
        if (minimum != null
            && terms.pricePerLbUsd().doubleValue() < ((Number) minimum).doubleValue()) {
          throw new BpmnError(
              et.coffeeexport.bpmn.ExportProcess.LEDGER_REFUSED,
              // Not the price itself: the message becomes a variable, which analysts read.
              "PRICE_BELOW_MINIMUM: the contract price is below the minimum of "
                  + minimum
                  + " USD/lb"
                  + " ("
                  + ref("minimum-price")
                  + ")");
        }
        if (minimum != null) {
          applied.add(ref("minimum-price"));
        }
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

  /** The deployed version of a decision table, as the ledger records it. */
  String ref(String key) {
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
