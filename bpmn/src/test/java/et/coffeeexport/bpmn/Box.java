package et.coffeeexport.bpmn;

/** A shape's bounds on its diagram plane, in diagram pixels. */
record Box(double x, double y, double width, double height) {
  /** How far a point may lie off a border and still be on it: waypoints are whole pixels. */
  static final double TOLERANCE = 2;

  double right() {
    return x + width;
  }

  double bottom() {
    return y + height;
  }

  double centreX() {
    return x + width / 2;
  }

  double centreY() {
    return y + height / 2;
  }

  /** Whether the two share any area (touching edges do not count). */
  boolean overlaps(Box other) {
    return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
  }

  boolean contains(Box other) {
    return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
  }

  /** Whether the point lies on the rectangle's outline. */
  boolean onBorder(double px, double py) {
    boolean withinX = px >= x - TOLERANCE && px <= right() + TOLERANCE;
    boolean withinY = py >= y - TOLERANCE && py <= bottom() + TOLERANCE;
    boolean onVertical = Math.abs(px - x) <= TOLERANCE || Math.abs(px - right()) <= TOLERANCE;
    boolean onHorizontal = Math.abs(py - y) <= TOLERANCE || Math.abs(py - bottom()) <= TOLERANCE;
    return (withinY && onVertical) || (withinX && onHorizontal);
  }

  /** The smallest box holding both. */
  Box union(Box other) {
    double left = Math.min(x, other.x);
    double top = Math.min(y, other.y);
    return new Box(
        left,
        top,
        Math.max(right(), other.right()) - left,
        Math.max(bottom(), other.bottom()) - top);
  }

  /** Whether the straight run from a to b passes through the inside of the box. */
  boolean crossedBy(double[] a, double[] b) {
    double left = Math.min(a[0], b[0]);
    double top = Math.min(a[1], b[1]);
    return overlaps(new Box(left, top, Math.max(a[0], b[0]) - left, Math.max(a[1], b[1]) - top));
  }

  /** The box shrunk by the margin on every side, so that touching within a pixel does not count. */
  Box inset(double margin) {
    return new Box(x + margin, y + margin, width - 2 * margin, height - 2 * margin);
  }
}
