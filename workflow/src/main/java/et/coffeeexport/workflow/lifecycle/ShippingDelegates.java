package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The proceeds, and the shipment deadline's warning. */
@Configuration
class ShippingDelegates {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The repatriated amount is a financial figure: it comes from the task as a private input (never
   * a process variable), goes to the ledger's private collection as transient data, and only the
   * reference and date go into the public arguments.
   */
  @Bean
  JavaDelegate recordProceeds(LedgerSteps steps, PrivateInputs privateInputs) {
    return execution -> {
      String stepKey = Decisions.stepKey(execution);
      try {
        JsonNode form = readForm(privateInputs.of(stepKey, "repatriationJson").orElse(null));
        if (!form.path("amountUsd").isNumber()) {
          throw new BpmnError(
              ExportProcess.LEDGER_REFUSED, "INVALID_ARGUMENT: amountUsd must be a number");
        }
        BigDecimal amount = form.path("amountUsd").decimalValue();
        ObjectNode stated = form.deepCopy();
        stated.remove("amountUsd");
        var bank = steps.actor(execution);
        String exportId = steps.exportId(execution);
        steps.followed(
            execution,
            exportId,
            () ->
                steps
                    .ledger()
                    .recordRepatriation(bank, exportId, stated.toString(), amount, stepKey));
      } catch (BpmnError refused) {
        // The task comes back for a new entry, under a new key.
        privateInputs.forget(stepKey);
        throw refused;
      }
      privateInputs.forget(stepKey);
    };
  }

  private static JsonNode readForm(String json) {
    try {
      JsonNode form = JSON.readTree(json == null ? "{}" : json);
      if (form.isObject()) {
        return form;
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // answered below, as the chaincode answers malformed input
    }
    throw new BpmnError(
        ExportProcess.LEDGER_REFUSED, "INVALID_ARGUMENT: the repatriation must be a JSON object");
  }

  /**
   * The shipment deadline is near: ECTA and the exporter see it on the export (a process variable).
   */
  @Bean
  JavaDelegate warnOfShipmentDeadline() {
    return execution ->
        execution.setVariable(
            "shipmentDeadlineWarning", execution.getVariable(ExportProcess.SHIPMENT_DUE));
  }
}
