package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.bpmn.Drawing.Edge;
import et.coffeeexport.bpmn.Drawing.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.ManualTask;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The diagrams are for people: the process analyst reads them in Cockpit, where they wait. Every
 * model in processes/ (a new one too) is drawn completely, without shapes on top of each other,
 * with its flows running orthogonally from border to border, its flow nodes in their organisations'
 * lanes, names without expressions, and small enough for Cockpit to show its labels at a size a
 * person can read. The conventions are in bpmn/README.md; bpmn/tools/diagrams.py lays the current
 * models out.
 */
class LayoutTest {
  /**
   * Cockpit's diagram canvas on a 1440x900 screen, measured in the running Cockpit 7.24 (process
   * definition view, definition sidebar open): Cockpit fits each plane into it, never above 100 %.
   */
  private static final double CANVAS_WIDTH = 1102;

  private static final double CANVAS_HEIGHT = 426;

  /**
   * The smallest fit at which bpmn-js' labels read comfortably: 12 px task labels at 9 px, 11 px
   * event and flow labels at 8.25 px (at 0.55, the old floor, they were 6-7 px and blurred into
   * each other on a 1440x900 screen). So each plane at most 1457 x 556 diagram pixels, with what
   * bpmn-js draws beyond the bounds.
   */
  static final double LEGIBLE_SCALE = 0.75;

  /**
   * The breadcrumb bpmn-js draws over a drill-down plane's top-left corner ("Coffee export › Within
   * the shipment period"), in canvas pixels as Cockpit styles it (14 px text 15 px from the top, 25
   * px from the left): to past the end of its text (about 8 px a character, 16 px around each
   * separator) and 44 px down.
   */
  private static final double BREADCRUMB_INDENT = 25;

  private static final double BREADCRUMB_CHARACTER = 8;

  private static final double BREADCRUMB_HEIGHT = 44;

  private static final double DRAWN_BEYOND_BOUNDS = 6;

  /**
   * The corners of the canvas Cockpit 7.24 draws its controls over, in canvas pixels measured in
   * its screenshots at 1440x900 ({x from the left or, negative, from the right; y from the top or,
   * negative, from the bottom; width; height}): the "Activity Instance Statistics: on" toggle at
   * the top right (its text 880-1085 px across, 20-35 px down) and the column of zoom buttons at
   * the bottom right (1057-1086 px across, 16-120 px above the bottom), each with a few pixels
   * around. tools/render draws them.
   */
  private static final Map<String, double[]> CONTROLS =
      Map.of(
          "the statistics toggle", new double[] {-235, 0, 235, 42},
          "the zoom buttons", new double[] {-50, -125, 50, 125});

  /**
   * The canvas heights the controls are placed for: the 426 px the fit is held to, and the 445 px
   * Cockpit's screenshots show between the header and the tabs (bpmn-js centres the fitted plane,
   * so a corner's diagram coordinates differ between the two).
   */
  private static final double[] CANVAS_HEIGHTS = {CANVAS_HEIGHT, 445};

  /**
   * The type icon bpmn-js draws at a task's top-left (a gear, a person, an envelope, a table):
   * about 15 x 15 px, 5 px in from the corner. A line's box reaches about 2 px above its letters.
   */
  private static final Box ICON = new Box(5, 5, 15, 15);

  /** The room a boundary event leaves around itself to shapes other than its host. */
  static final double BOUNDARY_CLEARANCE = 18;

  /**
   * How many crossings of sequence flows' runs a plane ("file#plane") may have; every plane not
   * named may have none. Empty: every plane of every model is drawn without a crossing (README,
   * Diagrams); a plane where one cannot be avoided is named here with its count, and the README
   * says why.
   */
  private static final Map<String, Integer> ALLOWED_CROSSINGS = Map.of();

  private static final double LANE_HEADER = 30;

  private final List<String> violations = new ArrayList<>();

  @Test
  void everyFlowNodeLaneParticipantAndSequenceFlowIsDrawn() {
    for (Drawing d : Drawing.all()) {
      for (Class<? extends BaseElement> type :
          List.of(FlowNode.class, Lane.class, Participant.class)) {
        for (BaseElement element : d.model.getModelElementsByType(type)) {
          check(d.shapes.containsKey(element.getId()), d.name(element) + " has no shape");
        }
      }
      for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
        check(d.edges.containsKey(flow.getId()), d.name(flow) + " has no edge");
      }
    }
    assertThat(violations).as("elements without a shape or edge").isEmpty();
  }

  @Test
  void shapesDoNotOverlapAndStayInsideTheirSubProcess() {
    for (Drawing d : Drawing.all()) {
      List<FlowNode> nodes = drawn(d).stream().filter(n -> !(n instanceof BoundaryEvent)).toList();
      for (int i = 0; i < nodes.size(); i++) {
        for (FlowNode other : nodes.subList(i + 1, nodes.size())) {
          placedApart(d, nodes.get(i), other);
        }
      }
    }
    assertThat(violations).as("overlapping shapes").isEmpty();
  }

  @Test
  void boundaryEventsSitOnTheirHostsBorderApartFromEachOther() {
    for (Drawing d : Drawing.all()) {
      for (BoundaryEvent event : d.model.getModelElementsByType(BoundaryEvent.class)) {
        Shape shape = d.shapes.get(event.getId());
        Shape host = d.shapes.get(event.getAttachedTo().getId());
        Box box = shape.box();
        check(
            host.box().onBorder(box.centreX(), box.centreY()),
            d.name(event) + " is not on the border of its host " + event.getAttachedTo().getId());
        for (FlowNode other : drawn(d)) {
          Shape o = d.shapes.get(other.getId());
          boolean exempt = other == event.getAttachedTo() || Drawing.holds(other, event);
          check(
              exempt
                  || other == event
                  || !o.plane().equals(shape.plane())
                  || !o.box().overlaps(box),
              d.name(event) + " overlaps " + d.name(other));
        }
      }
    }
    assertThat(violations).as("misplaced boundary events").isEmpty();
  }

  @Test
  void sequenceFlowsRunOrthogonallyFromTheirSourcesBorderToTheirTargets() {
    for (Drawing d : Drawing.all()) {
      for (SequenceFlow flow : d.model.getModelElementsByType(SequenceFlow.class)) {
        List<double[]> points = d.edges.get(flow.getId()).points();
        if (points.size() < 2) {
          violations.add(d.name(flow) + " has fewer than 2 waypoints");
          continue;
        }
        double[] first = points.get(0);
        double[] last = points.get(points.size() - 1);
        Box source = d.shapes.get(flow.getSource().getId()).box();
        Box target = d.shapes.get(flow.getTarget().getId()).box();
        check(source.onBorder(first[0], first[1]), d.name(flow) + " does not start on its source");
        check(target.onBorder(last[0], last[1]), d.name(flow) + " does not end on its target");
        for (int i = 1; i < points.size(); i++) {
          boolean straight =
              points.get(i)[0] == points.get(i - 1)[0] || points.get(i)[1] == points.get(i - 1)[1];
          check(straight, d.name(flow) + " has a diagonal segment after waypoint " + i);
        }
      }
    }
    assertThat(violations).as("sequence flows").isEmpty();
  }

  @Test
  void sequenceFlowsCrossEachOtherNoMoreThanTheirPlaneAllows() {
    for (Drawing d : Drawing.all()) {
      List<Map.Entry<String, Edge>> edges =
          d.edges.entrySet().stream()
              .filter(e -> d.model.getModelElementById(e.getKey()) instanceof SequenceFlow)
              .sorted(Map.Entry.comparingByKey())
              .toList();
      Map<String, Integer> crossings = new TreeMap<>();
      Map<String, List<String>> pairs = new TreeMap<>();
      for (int i = 0; i < edges.size(); i++) {
        for (var other : edges.subList(i + 1, edges.size())) {
          int n = Crossings.count(edges.get(i).getValue(), other.getValue());
          if (n > 0) {
            String plane = edges.get(i).getValue().plane();
            crossings.merge(plane, n, Integer::sum);
            pairs
                .computeIfAbsent(plane, p -> new ArrayList<>())
                .add(
                    edges.get(i).getKey() + " x " + other.getKey() + (n > 1 ? " (" + n + ")" : ""));
          }
        }
      }
      crossings.forEach(
          (plane, n) -> {
            int allowed = ALLOWED_CROSSINGS.getOrDefault(d.file + "#" + plane, 0);
            check(
                n <= allowed,
                d.file
                    + " plane "
                    + plane
                    + ": "
                    + n
                    + " crossings of sequence flows, "
                    + allowed
                    + " allowed: "
                    + pairs.get(plane));
          });
    }
    assertThat(violations).as("crossing sequence flows").isEmpty();
  }

  @Test
  void flowNodesLieInTheLaneOfTheOrganisationThatWorksThem() {
    for (Drawing d : Drawing.all()) {
      if (!d.model.getModelElementsByType(Lane.class).isEmpty()) {
        Lanes.check(d, violations);
      }
    }
    assertThat(violations).as("flow nodes and lanes").isEmpty();
  }

  /**
   * A lane's name runs up its left band and wraps within the lane's height: a word longer than that
   * breaks mid-word ("Custom Authoriti / es" in a 52 px lane, seen in Cockpit).
   */
  @Test
  void laneNamesFitTheirLanesWithoutBreakingAWord() {
    for (Drawing d : Drawing.all()) {
      for (Lane lane : d.model.getModelElementsByType(Lane.class)) {
        Shape shape = d.shapes.get(lane.getId());
        if (shape == null || lane.getName() == null) {
          continue;
        }
        for (String word : lane.getName().split("\\s+")) {
          check(
              EmbeddedLabel.width(word) <= shape.box().height() - 2,
              d.name(lane) + ": \"" + word + "\" is wider than the lane is tall");
        }
      }
    }
    assertThat(violations).as("lane names").isEmpty();
  }

  @Test
  void namesHoldNoExpressions() {
    for (Drawing d : Drawing.all()) {
      for (BaseElement element : d.model.getModelElementsByType(BaseElement.class)) {
        String name = element.getAttributeValue("name");
        check(
            name == null || !(name.contains("${") || name.contains("#{")),
            d.name(element) + " shows an expression in the diagram");
      }
    }
    assertThat(violations).as("names with expressions").isEmpty();
  }

  @Test
  void everyPlaneFitsCockpitsCanvasAtALegibleScale() {
    for (Drawing d : Drawing.all()) {
      d.extents.forEach(
          (plane, box) -> {
            double scale = fit(box);
            check(
                scale >= LEGIBLE_SCALE,
                String.format(
                    "%s: plane %s is %.0f x %.0f px; Cockpit would fit it at %.2f, labels need %.2f",
                    d.file, plane, box.width(), box.height(), scale, LEGIBLE_SCALE));
          });
    }
    assertThat(violations).as("diagrams too large to read in Cockpit").isEmpty();
  }

  @Test
  void labelsStayClearOfShapesOtherLabelsAndFlows() {
    for (Drawing d : Drawing.all()) {
      List<String> named = d.labels.keySet().stream().sorted().toList();
      for (int i = 0; i < named.size(); i++) {
        String owner = named.get(i);
        Shape label = d.labels.get(owner);
        Box inner = label.box().inset(1);
        for (FlowNode node : drawn(d)) {
          Shape shape = d.shapes.get(node.getId());
          if (shape.plane().equals(label.plane())) {
            boolean around = d.expanded.contains(node.getId()) && shape.box().contains(label.box());
            check(
                around || !shape.box().overlaps(inner),
                d.file + ": the label of " + owner + " overlaps " + d.name(node));
            if (around && node.getName() != null) {
              Box title = EmbeddedLabel.area(shape.box(), node.getName(), true);
              check(
                  !title.overlaps(inner),
                  d.file + ": the label of " + owner + " overlaps the name of " + node.getId());
            }
          }
        }
        for (Lane lane : d.model.getModelElementsByType(Lane.class)) {
          Shape area = d.shapes.get(lane.getId());
          check(
              area == null
                  || !area.plane().equals(label.plane())
                  || !header(area.box()).overlaps(inner),
              d.file + ": the label of " + owner + " covers the name of " + lane.getId());
        }
        for (String other : named.subList(i + 1, named.size())) {
          Shape o = d.labels.get(other);
          check(
              !o.plane().equals(label.plane()) || !o.box().overlaps(inner),
              d.file + ": the labels of " + owner + " and " + other + " overlap");
        }
        d.edges.forEach(
            (flow, edge) ->
                check(
                    !edge.plane().equals(label.plane()) || !crosses(edge, inner),
                    d.file + ": " + flow + " runs through the label of " + owner));
      }
    }
    assertThat(violations).as("labels on shapes, labels or flows").isEmpty();
  }

  @Test
  void boundaryEventsLeaveTheirHostsNameReadable() {
    for (Drawing d : Drawing.all()) {
      for (BoundaryEvent event : d.model.getModelElementsByType(BoundaryEvent.class)) {
        Activity host = event.getAttachedTo();
        Shape hostShape = d.shapes.get(host.getId());
        Shape shape = d.shapes.get(event.getId());
        if (host.getName() == null || hostShape == null || shape == null) {
          continue;
        }
        Box name =
            EmbeddedLabel.area(hostShape.box(), host.getName(), d.expanded.contains(host.getId()));
        check(
            !shape.box().overlaps(name),
            d.name(event) + " covers the name of its host " + host.getId());
      }
    }
    assertThat(violations).as("boundary events on their host's name").isEmpty();
  }

  @Test
  void drillDownPlanesLeaveTheBreadcrumbCornerEmpty() {
    for (Drawing d : Drawing.all()) {
      d.extents.forEach(
          (plane, extent) -> {
            if (d.model.getModelElementById(plane) instanceof SubProcess sub) {
              Box crumb = breadcrumb(d, sub, extent);
              d.shapes.forEach((id, s) -> clearOfCrumb(d, plane, id, s, crumb));
              d.labels.forEach((id, s) -> clearOfCrumb(d, plane, "the label of " + id, s, crumb));
              d.edges.forEach(
                  (id, e) ->
                      check(
                          !e.plane().equals(plane) || !crosses(e, crumb),
                          d.file + ": " + id + " runs under the breadcrumb of " + plane));
            }
          });
    }
    assertThat(violations).as("content under a drill-down plane's breadcrumb").isEmpty();
  }

  @Test
  void nothingLiesUnderCockpitsControls() {
    for (Drawing d : Drawing.all()) {
      d.extents.forEach(
          (plane, extent) -> {
            for (double height : CANVAS_HEIGHTS) {
              CONTROLS.forEach(
                  (control, corner) -> {
                    Box under = control(extent, height, corner);
                    String where = " lies under " + control + " on plane " + plane;
                    for (FlowNode node : drawn(d)) {
                      Shape s = d.shapes.get(node.getId());
                      check(
                          !s.plane().equals(plane) || !s.box().overlaps(under),
                          d.name(node) + where);
                    }
                    d.labels.forEach(
                        (id, s) ->
                            check(
                                !s.plane().equals(plane) || !s.box().overlaps(under),
                                d.file + ": the label of " + id + where));
                    d.edges.forEach(
                        (id, e) ->
                            check(
                                !e.plane().equals(plane) || !crosses(e, under),
                                d.file + ": " + id + where));
                  });
            }
          });
    }
    assertThat(violations).as("content under Cockpit's controls").isEmpty();
  }

  @Test
  void taskNamesStartBelowTheirTypeIcon() {
    for (Drawing d : Drawing.all()) {
      for (Task task : d.model.getModelElementsByType(Task.class)) {
        Shape shape = d.shapes.get(task.getId());
        if (!hasIcon(task) || task.getName() == null || shape == null) {
          continue;
        }
        Box box = shape.box();
        Box icon = new Box(box.x() + ICON.x(), box.y() + ICON.y(), ICON.width(), ICON.height());
        for (Box line : EmbeddedLabel.lines(box, task.getName())) {
          check(
              !line.overlaps(icon),
              d.name(task) + ": its type icon touches its name (make the task taller or wider)");
        }
      }
    }
    assertThat(violations).as("task names under their type icon").isEmpty();
  }

  @Test
  void boundaryEventsKeepClearOfOtherShapes() {
    for (Drawing d : Drawing.all()) {
      for (BoundaryEvent event : d.model.getModelElementsByType(BoundaryEvent.class)) {
        Shape shape = d.shapes.get(event.getId());
        if (shape == null) {
          continue;
        }
        Box room = shape.box().inset(-BOUNDARY_CLEARANCE);
        for (FlowNode other : drawn(d)) {
          Shape o = d.shapes.get(other.getId());
          boolean exempt =
              other == event || other == event.getAttachedTo() || Drawing.holds(other, event);
          check(
              exempt || !o.plane().equals(shape.plane()) || !o.box().overlaps(room),
              d.name(event)
                  + " comes within "
                  + (int) BOUNDARY_CLEARANCE
                  + " px of "
                  + d.name(other));
        }
      }
    }
    assertThat(violations).as("boundary events crowding other shapes").isEmpty();
  }

  /** Task types bpmn-js marks with an icon at the top-left. */
  private static boolean hasIcon(Task task) {
    return task instanceof ServiceTask
        || task instanceof UserTask
        || task instanceof SendTask
        || task instanceof ReceiveTask
        || task instanceof BusinessRuleTask
        || task instanceof ScriptTask
        || task instanceof ManualTask;
  }

  /**
   * A control's corner in the plane's diagram coordinates, the plane fitted into a canvas of the
   * given height (never above 100 %, centred).
   */
  private static Box control(Box extent, double height, double[] corner) {
    Box drawn = extent.inset(-DRAWN_BEYOND_BOUNDS);
    double scale = Math.min(1, Math.min(CANVAS_WIDTH / drawn.width(), height / drawn.height()));
    double left = extent.centreX() - CANVAS_WIDTH / 2 / scale;
    double top = extent.centreY() - height / 2 / scale;
    double x = corner[0] < 0 ? CANVAS_WIDTH + corner[0] : corner[0];
    double y = corner[1] < 0 ? height + corner[1] : corner[1];
    return new Box(left + x / scale, top + y / scale, corner[2] / scale, corner[3] / scale);
  }

  /**
   * Cockpit's fit: the whole plane in the canvas, never above 100 %. bpmn-js fits what it drew,
   * strokes and text reaching a few pixels past the bounds (measured: 8-12 px on a plane).
   */
  private static double fit(Box extent) {
    Box drawn = extent.inset(-DRAWN_BEYOND_BOUNDS);
    return Math.min(1, Math.min(CANVAS_WIDTH / drawn.width(), CANVAS_HEIGHT / drawn.height()));
  }

  /**
   * The breadcrumb's corner in the plane's diagram coordinates: bpmn-js centres the fitted plane in
   * the canvas, the breadcrumb stays at the canvas' top-left.
   */
  private static Box breadcrumb(Drawing d, SubProcess sub, Box extent) {
    StringBuilder trail = new StringBuilder(String.valueOf(sub.getName()));
    for (var p = sub.getParentElement();
        p instanceof BaseElement parent;
        p = p.getParentElement()) {
      String name = parent.getAttributeValue("name");
      if (parent instanceof SubProcess
          || parent instanceof org.camunda.bpm.model.bpmn.instance.Process) {
        trail.insert(0, (name == null ? parent.getId() : name) + " › ");
      }
    }
    double scale = fit(extent);
    double left = extent.x() - (CANVAS_WIDTH - extent.width() * scale) / 2 / scale;
    double top = extent.y() - (CANVAS_HEIGHT - extent.height() * scale) / 2 / scale;
    double width = 2 * BREADCRUMB_INDENT + trail.length() * BREADCRUMB_CHARACTER + 32;
    return new Box(left, top, width / scale, BREADCRUMB_HEIGHT / scale);
  }

  private void clearOfCrumb(Drawing d, String plane, String what, Shape s, Box crumb) {
    check(
        !s.plane().equals(plane) || !s.box().overlaps(crumb),
        d.file + ": " + what + " lies under the breadcrumb of " + plane);
  }

  private static boolean crosses(Edge edge, Box box) {
    List<double[]> points = edge.points();
    for (int i = 1; i < points.size(); i++) {
      if (box.crossedBy(points.get(i - 1), points.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Where bpmn-js writes a (horizontal) lane's name: the strip along its left edge. */
  private static Box header(Box lane) {
    return new Box(lane.x(), lane.y(), LANE_HEADER, lane.height());
  }

  /** Shapes of flow nodes that are drawn: the completeness test names those that are not. */
  private static List<FlowNode> drawn(Drawing d) {
    return d.model.getModelElementsByType(FlowNode.class).stream()
        .filter(n -> d.shapes.containsKey(n.getId()))
        .map(FlowNode.class::cast)
        .toList();
  }

  /** Two shapes on one plane: apart, or the one inside the sub-process that holds it. */
  private void placedApart(Drawing d, FlowNode a, FlowNode b) {
    Shape sa = d.shapes.get(a.getId());
    Shape sb = d.shapes.get(b.getId());
    if (!sa.plane().equals(sb.plane())) {
      return;
    }
    if (a instanceof SubProcess && Drawing.holds(a, b)) {
      check(sa.box().contains(sb.box()), d.name(b) + " sticks out of " + a.getId());
    } else if (b instanceof SubProcess && Drawing.holds(b, a)) {
      check(sb.box().contains(sa.box()), d.name(a) + " sticks out of " + b.getId());
    } else {
      check(!sa.box().overlaps(sb.box()), d.name(a) + " overlaps " + d.name(b));
    }
  }

  private void check(boolean ok, String violation) {
    if (!ok) {
      violations.add(violation);
    }
  }
}
