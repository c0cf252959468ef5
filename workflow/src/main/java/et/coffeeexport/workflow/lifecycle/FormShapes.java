package et.coffeeexport.workflow.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The shapes of the structured form fields ({@value #RESOURCE}, beside the task form that renders
 * them): a record of typed members, a list, text with a length and a pattern, a number with a range
 * and a scale, a date, an enumeration, lines of text. The form assembles a field's JSON from typed
 * inputs; this checks what arrives, however it was assembled, and names the first thing wrong with
 * the member's path ({@code bookingJson.containers[2]}).
 */
final class FormShapes {
  static final String RESOURCE = "static/forms/shapes.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SHAPES = load();

  private FormShapes() {}

  /** The shape a field's {@code shape} property names; empty for an unknown name. */
  static Optional<JsonNode> named(String name) {
    JsonNode shape = SHAPES.get(name);
    return shape == null || name.startsWith("_") ? Optional.empty() : Optional.of(shape);
  }

  /** Every shape's name, for the model check. */
  static Set<String> names() {
    Set<String> names = new HashSet<>();
    SHAPES.fieldNames().forEachRemaining(names::add);
    names.removeIf(n -> n.startsWith("_"));
    return names;
  }

  /**
   * What is wrong with {@code value} as {@code shape}, or empty. {@code today} bounds dates that
   * may not lie in the future ({@code notAfter: today}), with a day's grace for the time zones
   * between the officer and UTC; the ledger checks the exact day against the transaction's time.
   */
  static Optional<String> problem(JsonNode shape, JsonNode value, String path, LocalDate today) {
    String type = shape.path("type").asText();
    return switch (type) {
      case "record" -> record(shape, value, path, today);
      case "list" -> list(shape, value, path, today);
      case "text" -> text(shape, value, path);
      case "integer", "decimal" -> number(shape, value, path);
      case "date" -> date(shape, value, path, today);
      case "enum" -> enumeration(shape, value, path);
      default -> Optional.of(path + " has a shape of unknown type " + type);
    };
  }

  /** Lines of text ({@code type: lines}): the reasons of a decision, one per line. */
  static Optional<String> lines(JsonNode shape, String text, String path) {
    List<String> lines = text.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    int maxItems = shape.path("maxItems").asInt(Integer.MAX_VALUE);
    int maxLength = shape.path("maxLength").asInt(Integer.MAX_VALUE);
    if (lines.size() > maxItems) {
      return Optional.of(path + " has more than " + maxItems + " lines");
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).length() > maxLength) {
        return Optional.of(
            path + " line " + (i + 1) + " is longer than " + maxLength + " characters");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> record(
      JsonNode shape, JsonNode value, String path, LocalDate today) {
    if (!value.isObject()) {
      return Optional.of(path + " must be a JSON object");
    }
    Set<String> known = new HashSet<>();
    shape.path("members").forEach(m -> known.add(m.path("id").asText()));
    for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        return Optional.of(path + "." + name + " is not a member of " + label(shape, path));
      }
    }
    for (JsonNode member : shape.path("members")) {
      String id = member.path("id").asText();
      JsonNode given = value.get(id);
      if (given == null || given.isNull() || (given.isTextual() && given.asText().isBlank())) {
        if (member.path("required").asBoolean()) {
          return Optional.of(path + "." + id + " is required");
        }
        continue;
      }
      Optional<String> problem = problem(member, given, path + "." + id, today);
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> list(
      JsonNode shape, JsonNode value, String path, LocalDate today) {
    if (!value.isArray()) {
      return Optional.of(path + " must be a JSON array");
    }
    int min = shape.path("minItems").asInt(0);
    int max = shape.path("maxItems").asInt(Integer.MAX_VALUE);
    if (value.size() < min || value.size() > max) {
      return Optional.of(
          path + " must list " + min + (max == Integer.MAX_VALUE ? " or more" : "-" + max));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < value.size(); i++) {
      String at = path + "[" + (i + 1) + "]";
      Optional<String> problem = problem(shape.path("item"), value.get(i), at, today);
      if (problem.isPresent()) {
        return problem;
      }
      String key = uniqueKey(shape.path("unique"), value.get(i));
      if (key != null && !seen.add(key)) {
        return Optional.of(at + " repeats " + key);
      }
    }
    return Optional.empty();
  }

  /** What makes a list item unique: itself ({@code unique: true}) or the members named. */
  private static String uniqueKey(JsonNode unique, JsonNode item) {
    if (unique.isBoolean() && unique.asBoolean()) {
      return item.asText();
    }
    if (!unique.isArray()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    unique.forEach(member -> parts.add(item.path(member.asText()).asText()));
    return String.join("/", parts);
  }

  private static Optional<String> text(JsonNode shape, JsonNode value, String path) {
    if (!value.isTextual() || value.asText().isBlank()) {
      return Optional.of(path + " must be text");
    }
    String text = value.asText();
    int max = shape.path("maxLength").asInt(Integer.MAX_VALUE);
    if (text.length() > max) {
      return Optional.of(path + " is longer than " + max + " characters");
    }
    String pattern = shape.path("pattern").asText(null);
    if (pattern != null && !Pattern.compile(pattern).matcher(text).matches()) {
      String hint = shape.path("hint").asText(null);
      return Optional.of(path + " is not well formed" + (hint == null ? "" : " (" + hint + ")"));
    }
    return Optional.empty();
  }

  private static Optional<String> number(JsonNode shape, JsonNode value, String path) {
    if (!value.isNumber()) {
      return Optional.of(path + " must be a number");
    }
    BigDecimal number = value.decimalValue();
    boolean integer = "integer".equals(shape.path("type").asText());
    int scale = integer ? 0 : shape.path("scale").asInt(Integer.MAX_VALUE);
    if (Math.max(number.stripTrailingZeros().scale(), 0) > scale) {
      return Optional.of(
          path + (integer ? " must be a whole number" : " has more than " + scale + " decimals"));
    }
    String unit = shape.has("unit") ? " " + shape.get("unit").asText() : "";
    if (shape.has("min") && number.compareTo(shape.get("min").decimalValue()) < 0) {
      return Optional.of(path + " must be at least " + shape.get("min").asText() + unit);
    }
    if (shape.has("minExclusive")
        && number.compareTo(shape.get("minExclusive").decimalValue()) <= 0) {
      return Optional.of(path + " must be more than " + shape.get("minExclusive").asText() + unit);
    }
    if (shape.has("max") && number.compareTo(shape.get("max").decimalValue()) > 0) {
      return Optional.of(path + " must be at most " + shape.get("max").asText() + unit);
    }
    return Optional.empty();
  }

  private static Optional<String> date(
      JsonNode shape, JsonNode value, String path, LocalDate today) {
    if (!value.isTextual() || !isDate(value.asText())) {
      return Optional.of(path + " must be a date (YYYY-MM-DD)");
    }
    if ("today".equals(shape.path("notAfter").asText())
        && LocalDate.parse(value.asText()).isAfter(today.plusDays(1))) {
      return Optional.of(path + " lies in the future");
    }
    return Optional.empty();
  }

  private static Optional<String> enumeration(JsonNode shape, JsonNode value, String path) {
    List<String> allowed = new ArrayList<>();
    shape.path("values").forEach(v -> allowed.add(v.asText()));
    if (!value.isTextual() || !allowed.contains(value.asText())) {
      return Optional.of(path + " must be one of " + allowed);
    }
    return Optional.empty();
  }

  /** An ISO calendar date as the chaincode reads it: four-digit year, a real day. */
  static boolean isDate(String text) {
    if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return false;
    }
    try {
      LocalDate.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static String label(JsonNode shape, String path) {
    return shape.has("label") ? "the " + shape.get("label").asText().toLowerCase() : path;
  }

  private static JsonNode load() {
    try (InputStream in = FormShapes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
