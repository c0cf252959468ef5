package et.coffeeexport.bpmn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where bpmn-js (16.5, as Cockpit 7.24 bundles it) writes an activity's name inside its shape: 12
 * px Arial in lines of 14.4 px, wrapped at the shape's width less 7 px of padding each side, the
 * block centred in a task or collapsed sub-process, along the top of an expanded sub-process. The
 * widths are Arial's advance widths (Chromium draws Liberation Sans, metrically the same), and the
 * area is taken larger than the text whichever way it wraps.
 */
final class EmbeddedLabel {
  private static final double FONT = 12;
  private static final double LINE = FONT * 1.2;
  private static final double PADDING = 7;
  private static final String CHARS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;'()-?/";
  private static final int[] WIDTHS = {
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
    833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 556, 556, 556, 556, 556,
    556, 556, 556, 556, 556, 278, 278, 278, 278, 278, 191, 333, 333, 333, 556, 278
  };

  private EmbeddedLabel() {}

  /** The area the name's lines cover inside a shape of the given bounds. */
  static Box area(Box shape, String name, boolean alongTheTop) {
    double maxWidth = shape.width() - 2 * PADDING;
    // Chromium's glyphs may be a little wider or narrower than Arial's table: wrapped either way,
    // the
    // area holds the widest line and the most lines
    List<Double> wide = lineWidths(name, maxWidth, 1.03);
    List<Double> narrow = lineWidths(name, maxWidth, 0.95);
    double width = Math.max(widest(wide), widest(narrow));
    double height = Math.max(wide.size(), narrow.size()) * LINE;
    double top = alongTheTop ? shape.y() + PADDING : shape.centreY() - height / 2;
    return new Box(shape.centreX() - width / 2, top, width, height);
  }

  /**
   * The box of each line of a task's (centred) name, both ways it may wrap: for what must keep
   * clear of a particular line, the first one under the task's type icon.
   */
  static List<Box> lines(Box shape, String name) {
    double maxWidth = shape.width() - 2 * PADDING;
    List<Box> boxes = new ArrayList<>();
    for (double scale : new double[] {1.03, 0.95}) {
      List<Double> widths = lineWidths(name, maxWidth, scale);
      double top = shape.centreY() - widths.size() * LINE / 2;
      for (int i = 0; i < widths.size(); i++) {
        double w = widths.get(i);
        boxes.add(new Box(shape.centreX() - w / 2, top + i * LINE, w, LINE));
      }
    }
    return boxes;
  }

  private static double widest(List<Double> lines) {
    return lines.stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /**
   * The widths of the lines the name wraps into, as diagram-js' Text.layoutText wraps it: a line
   * too wide is cut to the share of its characters that would fit, back to the last space or hyphen
   * (so "co-signature" may break after "co-"), and the rest starts the next line.
   */
  static List<Double> lineWidths(String name, double maxWidth, double scale) {
    List<Double> widths = new ArrayList<>();
    Deque<String> lines = new ArrayDeque<>(List.of(name.trim()));
    while (!lines.isEmpty()) {
      String original = lines.pop();
      String fit = original;
      double w;
      while (true) {
        w = width(fit.strip()) * scale;
        if (fit.isBlank() || w < Math.round(maxWidth) || fit.length() < 2) {
          break;
        }
        fit = shorten(fit, w, maxWidth);
      }
      widths.add(Math.min(w, maxWidth));
      if (fit.length() < original.length()) {
        lines.push(original.substring(fit.length()).trim());
      }
    }
    return widths;
  }

  /** diagram-js' shortenLine and semanticShorten. */
  private static String shorten(String line, double width, double maxWidth) {
    double length = Math.max(line.length() * (maxWidth / width), 1);
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    for (char c : line.toCharArray()) {
      if (Character.isWhitespace(c) || c == '-' || c == '\u00AD') {
        parts.add(part.toString());
        parts.add(String.valueOf(c));
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    List<String> kept = new ArrayList<>();
    int used = 0;
    if (parts.size() > 1) {
      for (String p : parts) {
        if (p.isEmpty()) {
          break;
        }
        if (p.length() + used < length) {
          kept.add(p);
          used += p.length();
        } else {
          if ((p.equals("-") || p.equals("\u00AD")) && !kept.isEmpty()) {
            kept.remove(kept.size() - 1);
          }
          break;
        }
      }
    }
    String shortened = String.join("", kept);
    return shortened.isEmpty()
        ? line.substring(0, (int) Math.max(Math.round(length - 1), 1))
        : shortened;
  }

  static double width(String text) {
    double units = 0;
    for (char c : text.toCharArray()) {
      int i = CHARS.indexOf(c);
      units += i < 0 ? 556 : WIDTHS[i];
    }
    return units * FONT / 1000;
  }
}
