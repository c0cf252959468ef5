package et.coffeeexport.workflow.lifecycle;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Adds {@link FormInputs} and {@link Decisions} to every user task of every deployed model, and
 * {@link StartForms} to every process's start, so that no model can forget them: each completion or
 * start checks its declared inputs and records who decided. And {@link Refusals} to every task and
 * every boundary event catching an error: a refused decision goes back to its person only.
 */
@Component
class DecisionsPlugin extends AbstractProcessEnginePlugin {
  private final PrivateInputs privateInputs;
  private final DecisionOutcomes outcomes;
  private final Refusals refusals;

  DecisionsPlugin(PrivateInputs privateInputs, DecisionOutcomes outcomes, Refusals refusals) {
    this.privateInputs = privateInputs;
    this.outcomes = outcomes;
    this.refusals = refusals;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new FormRefusals());
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration
        .getCustomPreBPMNParseListeners()
        .add(
            new AbstractBpmnParseListener() {
              @Override
              public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var task =
                    ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                // First the inputs are checked, then who decided is recorded.
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new FormInputs());
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, privateInputs);
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new Decisions(outcomes));
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, new StaleAnswers());
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, refusals.returned());
              }

              @Override
              public void parseBoundaryErrorEventDefinition(
                  Element definition,
                  boolean interrupting,
                  ActivityImpl attachedTo,
                  ActivityImpl boundaryEvent) {
                boundaryEvent.addListener(ExecutionListener.EVENTNAME_START, refusals.caught());
              }

              @Override
              public void parseStartEvent(
                  Element element, ScopeImpl scope, ActivityImpl startEvent) {
                // A process's own start (not an event sub-process's, not a sub-process's): where
                // an officer starting it from Tasklist decides.
                if (scope
                    instanceof org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl) {
                  startEvent.addListener(
                      ExecutionListener.EVENTNAME_START, new StartForms(outcomes));
                }
              }
            });
  }
}
