package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportFacts;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shipping Line's steps and the proceeds, each from its form's or message's JSON. */
@Configuration
class ShippingDelegates {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Bean
  JavaDelegate recordBooking(LedgerSteps steps) {
    return execution ->
        steps.step(execution, "bookShipment", (String) execution.getVariable("bookingJson"));
  }

  @Bean
  JavaDelegate recordShipment(LedgerSteps steps, Deadlines deadlines) {
    return execution -> {
      var export =
          steps.step(execution, "ship", (String) execution.getVariable("billOfLadingJson"));
      String due = export.path("facts").path(ExportFacts.REPATRIATION_DUE).asText(null);
      if (due != null) {
        deadlines.repatriation(execution, LocalDate.parse(due.substring(0, 10)));
      }
    };
  }

  @Bean
  JavaDelegate recordMilestone(LedgerSteps steps) {
    return execution ->
        steps.step(
            execution, "recordTrackingMilestone", (String) execution.getVariable("milestoneJson"));
  }

  @Bean
  JavaDelegate recordArrival(LedgerSteps steps) {
    return execution ->
        steps.step(execution, "confirmArrival", (String) execution.getVariable("arrivalJson"));
  }

  /**
   * The repatriated amount is a financial figure: it goes to the ledger's private collection as
   * transient data, and only the reference and date go into the public arguments.
   */
  @Bean
  JavaDelegate recordRepatriation(LedgerSteps steps) {
    return execution -> {
      JsonNode form = readForm((String) execution.getVariable("repatriationJson"));
      ObjectNode amount = JSON.createObjectNode().set("amountUsd", form.path("amountUsd"));
      ObjectNode stated = form.deepCopy();
      stated.remove("amountUsd");
      steps.submit(
          steps.actor(execution),
          "ExportContract",
          "recordRepatriation",
          Map.of("repatriation", JSON.writeValueAsBytes(amount)),
          (String) execution.getVariable(ExportProcess.EXPORT_ID),
          stated.toString());
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
