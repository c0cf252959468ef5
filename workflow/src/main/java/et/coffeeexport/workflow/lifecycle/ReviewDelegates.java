package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportAction;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A reviewing stage's approval, written by the officer who took it: the stage review is one model
 * for five stages, so its action comes from the calling model ({@code approveAction}) and its facts
 * (such as ECX's laboratory results) from the form's {@code decisionJson}, completed by the
 * workflow's decision tables.
 */
@Configuration
class ReviewDelegates {
  @Bean
  JavaDelegate recordStageApproval(LedgerSteps steps, DecisionTables tables) {
    return execution -> {
      ExportAction action =
          ExportAction.valueOf((String) execution.getVariable(ExportProcess.APPROVE_ACTION));
      String input =
          tables.approval(
              execution,
              action,
              (String) execution.getVariable("decisionJson"),
              () -> steps.privateTerms(execution));
      steps.take(execution, action, input);
    };
  }
}
