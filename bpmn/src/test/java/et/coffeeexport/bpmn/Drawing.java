package et.coffeeexport.bpmn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.DiagramElement;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * One process file as Cockpit draws it: each element's shape or edge, on which plane (the main
 * diagram, or the drill-down plane of a collapsed sub-process), and each plane's extent.
 */
final class Drawing {
  /** A shape and the plane it is drawn on. */
  record Shape(Box box, String plane) {}

  /** An edge's waypoints and the plane it is drawn on. */
  record Edge(List<double[]> points, String plane) {}

  final String file;
  final BpmnModelInstance model;
  final Map<String, Shape> shapes = new HashMap<>();
  final Map<String, Edge> edges = new HashMap<>();

  /** The external labels (of events, gateways, flows) by the element they name. */
  final Map<String, Shape> labels = new HashMap<>();

  /** The sub-processes drawn open, their content around them on the same plane. */
  final Set<String> expanded = new HashSet<>();

  final Map<String, Box> extents = new LinkedHashMap<>();

  private Drawing(String file, BpmnModelInstance model) {
    this.file = file;
    this.model = model;
    for (BpmnPlane plane : model.getModelElementsByType(BpmnPlane.class)) {
      String planeId = plane.getBpmnElement().getId();
      for (DiagramElement element : plane.getDiagramElements()) {
        if (element instanceof BpmnShape shape) {
          add(planeId, shape);
        } else if (element instanceof BpmnEdge edge) {
          add(planeId, edge);
        }
      }
    }
  }

  /** Every model in processes/, so that a new process is held to the same rules. */
  static List<Drawing> all() {
    try (Stream<Path> files =
        Files.list(Path.of(Drawing.class.getResource("/processes").toURI()))) {
      List<Drawing> drawings = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          drawings.add(new Drawing(file.getFileName().toString(), Bpmn.readModelFromStream(in)));
        }
      }
      return drawings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether {@code ancestor} is a sub-process that (at any depth) holds {@code element}. */
  static boolean holds(BaseElement ancestor, ModelElementInstance element) {
    for (ModelElementInstance p = element.getParentElement(); p != null; p = p.getParentElement()) {
      if (p == ancestor) {
        return ancestor instanceof SubProcess;
      }
    }
    return false;
  }

  /** The element's description in a failure message: its file, id and name. */
  String name(BaseElement element) {
    String label = element.getAttributeValue("name");
    return file + ": " + element.getId() + (label == null ? "" : " '" + label + "'");
  }

  private void add(String plane, BpmnShape shape) {
    Box box = box(shape.getBounds());
    if (shape.isExpanded()) {
      expanded.add(shape.getBpmnElement().getId());
    }
    shapes.put(shape.getBpmnElement().getId(), new Shape(box, plane));
    extend(plane, box);
    BpmnLabel label = shape.getBpmnLabel();
    if (label != null && label.getBounds() != null) {
      labels.put(shape.getBpmnElement().getId(), new Shape(box(label.getBounds()), plane));
      extend(plane, box(label.getBounds()));
    }
  }

  private void add(String plane, BpmnEdge edge) {
    List<double[]> points = new ArrayList<>();
    for (Waypoint point : edge.getWaypoints()) {
      points.add(new double[] {point.getX(), point.getY()});
      extend(plane, new Box(point.getX(), point.getY(), 0, 0));
    }
    edges.put(edge.getBpmnElement().getId(), new Edge(points, plane));
    BpmnLabel label = edge.getBpmnLabel();
    if (label != null && label.getBounds() != null) {
      labels.put(edge.getBpmnElement().getId(), new Shape(box(label.getBounds()), plane));
      extend(plane, box(label.getBounds()));
    }
  }

  private void extend(String plane, Box box) {
    extents.merge(plane, box, Box::union);
  }

  private static Box box(Bounds bounds) {
    return new Box(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
  }
}
