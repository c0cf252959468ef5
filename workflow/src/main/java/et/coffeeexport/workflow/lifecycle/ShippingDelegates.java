package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportFacts;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Shipping Line's steps and the proceeds, each from its form's or message's JSON. */
@Configuration
class ShippingDelegates {

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

  @Bean
  JavaDelegate recordRepatriation(LedgerSteps steps) {
    return execution ->
        steps.step(
            execution, "recordRepatriation", (String) execution.getVariable("repatriationJson"));
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
