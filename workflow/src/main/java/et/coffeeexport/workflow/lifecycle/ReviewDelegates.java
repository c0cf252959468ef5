package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.ExportAction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A reviewing stage's approval, written by the officer who took it: the stage review is one model
 * for five stages, so its action comes from the calling model: the {@code approveAction} property
 * of the call activity, never a variable (a variable is something a task's form or the engine's API
 * could set). Its facts (such as ECX's laboratory results) from the form's {@code decisionJson},
 * completed by the workflow's decision tables.
 */
@Configuration
class ReviewDelegates {
  @Bean
  JavaDelegate recordStageApproval(LedgerSteps steps, DecisionTables tables) {
    return execution -> {
      ExportAction action = approvalOf(execution);
      String input =
          tables.approval(
              execution,
              action,
              (String) execution.getVariable("decisionJson"),
              () -> steps.export(execution),
              () -> steps.privateTerms(execution),
              () -> steps.actor(execution));
      steps.take(execution, action, input);
    };
  }

  /** The approval the calling model names on its call activity for this stage. */
  static ExportAction approvalOf(DelegateExecution execution) {
    DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
    if (caller == null || caller.getBpmnModelElementInstance() == null) {
      throw new IllegalStateException("a stage review runs only when called by the lifecycle");
    }
    return ExportAction.valueOf(
        LedgerStep.property(caller.getBpmnModelElementInstance(), ExportProcess.APPROVE_ACTION)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        caller.getCurrentActivityId()
                            + " names no "
                            + ExportProcess.APPROVE_ACTION)));
  }
}
