package et.coffeeexport.bpmn;

import et.coffeeexport.bpmn.Drawing.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.SubProcess;

/**
 * A process's lanes are its organisations: each flow node (at any depth) belongs to exactly one,
 * the organisation that works it, and lies inside that lane wherever the lane is drawn. A
 * sub-process, which holds several organisations' work, need only reach into its own lane; what it
 * holds on a drill-down plane has no lanes drawn around it.
 */
final class Lanes {
  private Lanes() {}

  static void check(Drawing d, List<String> violations) {
    Map<FlowNode, List<String>> lanesOf = new HashMap<>();
    for (Lane lane : d.model.getModelElementsByType(Lane.class)) {
      for (FlowNode node : lane.getFlowNodeRefs()) {
        lanesOf.computeIfAbsent(node, n -> new ArrayList<>()).add(lane.getId());
        inside(d, lane, node, violations);
      }
    }
    for (FlowNode node : d.model.getModelElementsByType(FlowNode.class)) {
      List<String> lanes = lanesOf.getOrDefault(node, List.of());
      if (lanes.size() != 1) {
        violations.add(d.name(node) + " is in " + lanes.size() + " lanes " + lanes + ", not one");
      }
    }
  }

  private static void inside(Drawing d, Lane lane, FlowNode node, List<String> violations) {
    Shape area = d.shapes.get(lane.getId());
    Shape shape = d.shapes.get(node.getId());
    if (area == null || shape == null || !area.plane().equals(shape.plane())) {
      return;
    }
    boolean spans = node instanceof SubProcess sub && !sub.triggeredByEvent();
    boolean ok = spans ? area.box().overlaps(shape.box()) : area.box().contains(shape.box());
    if (!ok) {
      violations.add(d.name(node) + " lies outside its lane " + d.name(lane));
    }
  }
}
