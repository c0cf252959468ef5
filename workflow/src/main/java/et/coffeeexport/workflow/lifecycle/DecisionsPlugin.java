package et.coffeeexport.workflow.lifecycle;

import java.util.ArrayList;
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
 * Adds {@link FormInputs} and {@link Decisions} to every user task of every deployed model, so that
 * no model can forget them: each completion checks its declared inputs and records who decided.
 */
@Component
class DecisionsPlugin extends AbstractProcessEnginePlugin {
  private final PrivateInputs privateInputs;

  DecisionsPlugin(PrivateInputs privateInputs) {
    this.privateInputs = privateInputs;
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
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, new Decisions());
              }
            });
  }
}
