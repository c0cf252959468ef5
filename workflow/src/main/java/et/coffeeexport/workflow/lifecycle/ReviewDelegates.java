package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The decisions of the reviewing stages, each written by the officer who took it: the stage's
 * approval (its facts, such as ECX's laboratory results, from the form's {@code decisionJson}), a
 * return for amendment or a rejection (with the form's {@code reasons}).
 */
@Configuration
class ReviewDelegates {
  @Bean
  JavaDelegate recordStageApproval(LedgerSteps steps, Deadlines deadlines, DecisionTables tables) {
    return execution -> {
      ExportAction action =
          ExportAction.valueOf((String) execution.getVariable(ExportProcess.APPROVE_ACTION));
      String input =
          tables.approval(
              execution,
              action,
              (String) execution.getVariable("decisionJson"),
              () -> steps.privateTerms(execution));
      var export = steps.step(execution, StageTransactions.of(action), input);
      String shipmentDue = export.path("facts").path(ExportFacts.SHIPMENT_DUE).asText(null);
      if (shipmentDue != null) {
        deadlines.shipment(execution, LocalDate.parse(shipmentDue.substring(0, 10)));
      }
    };
  }

  @Bean
  JavaDelegate returnForAmendment(LedgerSteps steps) {
    return execution -> steps.step(execution, "returnForAmendment", Notes.of(execution));
  }

  @Bean
  JavaDelegate rejectExport(LedgerSteps steps) {
    return execution -> steps.step(execution, "rejectExport", Notes.of(execution));
  }

  @Bean
  JavaDelegate recordCoApproval(LedgerSteps steps) {
    return execution -> steps.step(execution, "approveForeignExchange", Notes.of(execution));
  }
}
