package et.coffeeexport.workflow.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.domain.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * ECTA's changes as the form holds them (up to {@value ExportProcess#MAX_RULE_CHANGES} rules, each
 * with its new value; the day they take effect; the directive), checked field by field, and the
 * next rule set they make of the newest one on the ledger. A mistake names its form field, so the
 * officer sees it where it is.
 */
final class ProposedChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<RuleChange, JsonNode> values;
  private final String effectiveDate;
  private final String directive;

  private ProposedChanges(
      Map<RuleChange, JsonNode> values, String effectiveDate, String directive) {
    this.values = values;
    this.effectiveDate = effectiveDate;
    this.directive = directive;
  }

  /** A form field's value refused, with the field it is in. */
  static final class Refused extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    final String field;

    Refused(String field, String why) {
      super("form field " + field + " " + why);
      this.field = field;
    }
  }

  /** The changes in the form's {@code fields} (variable name to value). */
  static ProposedChanges of(Function<String, Object> fields) {
    Map<RuleChange, JsonNode> values = new LinkedHashMap<>();
    for (int n = 1; n <= ExportProcess.MAX_RULE_CHANGES; n++) {
      String ruleField = ExportProcess.ruleField(n);
      String valueField = ExportProcess.newValueField(n);
      String rule = text(fields.apply(ruleField));
      String value = text(fields.apply(valueField));
      if (rule == null && value == null) {
        if (n == 1) {
          throw new Refused(ruleField, "is required: name at least one rule to change");
        }
        continue;
      }
      if (rule == null) {
        throw new Refused(ruleField, "is required with " + valueField);
      }
      if (value == null) {
        throw new Refused(valueField, "is required with " + ruleField);
      }
      RuleChange change;
      try {
        change = RuleChange.named(rule);
      } catch (IllegalArgumentException e) {
        throw new Refused(ruleField, e.getMessage());
      }
      if (values.containsKey(change)) {
        throw new Refused(ruleField, "repeats " + rule);
      }
      try {
        values.put(change, change.parse(value));
      } catch (IllegalArgumentException e) {
        throw new Refused(valueField, e.getMessage());
      }
    }
    String day = text(fields.apply(ExportProcess.EFFECTIVE_DATE));
    if (day == null || !day.matches("\\d{4}-\\d{2}-\\d{2}") || !isDate(day)) {
      throw new Refused(ExportProcess.EFFECTIVE_DATE, "must be a date (YYYY-MM-DD)");
    }
    String directive = text(fields.apply(ExportProcess.DIRECTIVE));
    if (directive == null || directive.length() > RuleSet.MAX_DIRECTIVE_LENGTH) {
      throw new Refused(
          ExportProcess.DIRECTIVE,
          "is required: the directive's reference, at most "
              + RuleSet.MAX_DIRECTIVE_LENGTH
              + " characters");
    }
    return new ProposedChanges(values, day, directive);
  }

  /**
   * The next rule set: {@code latest} (the newest co-signed) with these changes, one version later,
   * dated and naming the directive; not signed by anyone yet.
   */
  RuleSet applyTo(RuleSet latest) {
    ObjectNode json = JSON.valueToTree(latest);
    values.forEach((rule, value) -> rule.apply(json, value));
    json.put("version", latest.version() + 1);
    json.put("effectiveDate", effectiveDate);
    json.put("directive", directive);
    json.putNull("proposedBy");
    json.putNull("cosignedBy");
    try {
      return JSON.treeToValue(json, RuleSet.class);
    } catch (Exception e) {
      throw new IllegalStateException("a changed rule set does not read back", e);
    }
  }

  /** Each rule as it was in {@code latest} and as it becomes, for the co-signer to read. */
  String summary(RuleSet latest) {
    JsonNode before = JSON.valueToTree(latest);
    JsonNode after = JSON.valueToTree(applyTo(latest));
    List<String> lines = new ArrayList<>();
    lines.add(
        "Rule set "
            + (latest.version() + 1)
            + " in force from "
            + effectiveDate
            + " (directive: "
            + directive
            + "):");
    values
        .keySet()
        .forEach(
            rule ->
                lines.add(
                    "- "
                        + rule.name()
                        + ": "
                        + rule.valueIn(before)
                        + " -> "
                        + rule.valueIn(after)));
    return String.join("\n", lines);
  }

  private static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  private static boolean isDate(String day) {
    try {
      java.time.LocalDate.parse(day);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }
}
