package et.coffeeexport.workflow.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFormField;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaValue;

/**
 * A new task forgets an earlier step's answer it cannot take: a co-signer's {@code SEND_BACK} left
 * in {@code decision} is no value of the revision's own decision. The engine shows a task's form
 * with its variables' values, and an enumeration refuses one it does not list, so Tasklist could
 * not open the task at all ("failed to convert 'decision'"). The earlier answer was consumed by its
 * gateway and stays in the history; the new task's decision starts empty, as every decision does.
 */
final class StaleAnswers implements TaskListener {
  @Override
  public void notify(DelegateTask task) {
    for (CamundaFormField field : FormFields.declared(task.getBpmnModelElementInstance())) {
      if (!"enum".equals(field.getCamundaType())) {
        continue;
      }
      Object value = task.getVariable(field.getCamundaId());
      boolean listed =
          value == null
              || field.getCamundaValues().stream()
                  .map(CamundaValue::getCamundaId)
                  .anyMatch(value.toString()::equals);
      if (!listed) {
        task.removeVariable(field.getCamundaId());
      }
    }
  }
}
