package et.coffeeexport.identity.security;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The body of {@code task/{id}/complete} or {@code submit-form}, checked against the task's form:
 * the variables an officer sends may only be the fields the task's form declares ({@code
 * camunda:formData}). Which export, which path and which signer are the process's business, never a
 * variable a person sends.
 */
final class CompletionBody {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Set<String> KEYS = Set.of("variables", "withVariablesInReturn");

  private CompletionBody() {}

  /**
   * Why the body may not complete the task, or an empty list when it may. {@code declaredFields}
   * are the ids of the task's form fields.
   */
  static List<String> problems(byte[] body, Collection<String> declaredFields) {
    return problems(body, declaredFields, "this task's form");
  }

  /**
   * The same for a process's start: {@code form} names the form in the answer ("the start form of
   * Cancellation for cause").
   */
  static List<String> problems(byte[] body, Collection<String> declaredFields, String form) {
    if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return List.of();
    }
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      // Duplicate keys and trailing content too: the engine's parser would read past the check.
      return List.of("the body is not one JSON object without duplicate keys");
    }
    if (root == null || root.isNull()) {
      return List.of();
    }
    if (!root.isObject()) {
      return List.of("the body is not a JSON object");
    }
    List<String> problems = new ArrayList<>();
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        problems.add("unknown property " + name);
      }
    }
    JsonNode variables = root.path("variables");
    if (variables.isMissingNode() || variables.isNull()) {
      return problems;
    }
    if (!variables.isObject()) {
      problems.add("variables is not an object");
      return problems;
    }
    Set<String> undeclared = new TreeSet<>();
    variables.fieldNames().forEachRemaining(undeclared::add);
    undeclared.removeAll(Set.copyOf(declaredFields));
    for (String variable : undeclared) {
      problems.add("variable " + variable + " is not a field of " + form);
    }
    return problems;
  }
}
