package et.coffeeexport.workflow.lifecycle;

import java.util.List;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** A model element's Camunda extensions of one kind (properties, form data); none when absent. */
final class Extensions {
  private Extensions() {}

  static <T extends ModelElementInstance> List<T> of(BaseElement element, Class<T> type) {
    if (element == null || element.getExtensionElements() == null) {
      return List.of();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(type).list();
  }
}
