package et.coffeeexport.bpmn;

import et.coffeeexport.bpmn.Drawing.Edge;
import java.util.List;

/** Where two orthogonal edges cross: a run of one passes through a run of the other. */
final class Crossings {
  private Crossings() {}

  /**
   * How many times the edges cross on their plane: each pair of runs, one horizontal and one
   * vertical, that pass through each other's inside counts once. A flow that ends on another (a
   * merge) or runs along it does not cross it.
   */
  static int count(Edge a, Edge b) {
    if (!a.plane().equals(b.plane())) {
      return 0;
    }
    int crossings = 0;
    for (int i = 1; i < a.points().size(); i++) {
      for (int j = 1; j < b.points().size(); j++) {
        if (cross(a.points(), i, b.points(), j) || cross(b.points(), j, a.points(), i)) {
          crossings++;
        }
      }
    }
    return crossings;
  }

  /** Whether the horizontal run ending at h's point i passes through the vertical run at v's j. */
  private static boolean cross(List<double[]> h, int i, List<double[]> v, int j) {
    double[] h1 = h.get(i - 1);
    double[] h2 = h.get(i);
    double[] v1 = v.get(j - 1);
    double[] v2 = v.get(j);
    if (h1[1] != h2[1] || v1[0] != v2[0]) {
      return false;
    }
    return strictlyBetween(v1[0], h1[0], h2[0]) && strictlyBetween(h1[1], v1[1], v2[1]);
  }

  private static boolean strictlyBetween(double value, double end1, double end2) {
    return value > Math.min(end1, end2) + 0.5 && value < Math.max(end1, end2) - 0.5;
  }
}
