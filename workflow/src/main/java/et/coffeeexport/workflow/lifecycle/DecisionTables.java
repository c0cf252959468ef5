package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.ExportAction;
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
 */
@Component
class DecisionTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DecisionService decisions;
  private final RepositoryService repository;

  DecisionTables(DecisionService decisions, RepositoryService repository) {
    this.decisions = decisions;
    this.repository = repository;
  }

  /** The approval's JSON with the decision tables it applied; refuses early what they refuse. */
  String approval(
      DelegateExecution execution,
      ExportAction action,
      String json,
      java.util.function.Supplier<et.coffeeexport.domain.ExportSnapshot> export,
      java.util.function.Supplier<et.coffeeexport.domain.ExportTerms> privateTerms) {
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
        double price = privateTerms.get().pricePerLbUsd().doubleValue();
        if (minimum == null || price < ((Number) minimum).doubleValue()) {
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
        input.putArray("decisionTables").add(ref("minimum-price"));
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
