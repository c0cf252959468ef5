package et.coffeeexport.workflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.domain.Grading;
import et.coffeeexport.domain.PaymentMode;
import et.coffeeexport.domain.RuleSet;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * One source for the rules that change with directives: the ledger's rule set. The decision tables
 * that decide the same things ({@code fx-rules}: payment modes allowed and the four-eyes threshold;
 * {@code grade}: each grade's minimum score) hold no figure of their own, and evaluated on a rule
 * set's values ({@link DecisionInputs}) they answer what the chaincode answers for every rule: for
 * the rule set deploy.sh puts in force first and for changed ones.
 */
class RuleSourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final DmnEngine dmn =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private final DmnDecision grade = table("grade");
  private final DmnDecision fx = table("fx-rules");

  private DmnDecision table(String key) {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("decisions/" + key + ".dmn")) {
      return dmn.parseDecision(key, in);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The deployed rule set and changed ones: other thresholds, fewer grades, fewer modes. */
  private static List<RuleSet> ruleSets() {
    RuleSet genesis = ProposedChangesTest.GENESIS;
    ObjectNode changed = JSON.valueToTree(genesis);
    changed.put("fourEyesThresholdUsd", new BigDecimal("146034.20"));
    changed.putArray("allowedPaymentModes").add("LETTER_OF_CREDIT").add("CONSIGNMENT");
    changed
        .putArray("gradeThresholds")
        .add(JSON.createObjectNode().put("grade", "G1").put("minScore", 88))
        .add(JSON.createObjectNode().put("grade", "G3").put("minScore", 70))
        .add(JSON.createObjectNode().put("grade", "G4").put("minScore", 69))
        .add(JSON.createObjectNode().put("grade", "UG").put("minScore", 0));
    return List.of(genesis, JSON.convertValue(changed, RuleSet.class));
  }

  @Test
  void theGradeTableGradesEveryScoreAsTheRuleSetDoes() {
    for (RuleSet rules : ruleSets()) {
      List<String> disagreements = new ArrayList<>();
      for (int cup = 0; cup <= 60; cup++) {
        for (int physical : new int[] {0, 20, 40}) {
          Map<String, Object> inputs = new HashMap<>(DecisionInputs.of(rules));
          inputs.put("physicalScore", (double) physical);
          inputs.put("cupScore", (double) cup);
          Object table = dmn.evaluateDecisionTable(grade, inputs).getSingleEntry();
          // As the chaincode records it: a lot below every threshold is under grade.
          String ledger = Grading.grade(physical, cup, rules).orElse("UG");
          if (!ledger.equals(table)) {
            disagreements.add(physical + "+" + cup + ": table " + table + ", ledger " + ledger);
          }
        }
      }
      assertThat(disagreements).as("rule set %s", rules.gradeThresholds()).isEmpty();
    }
  }

  @Test
  void theFxTableDecidesEveryPaymentModeAndValueAsTheRuleSetDoes() {
    for (RuleSet rules : ruleSets()) {
      BigDecimal threshold = rules.fourEyesThresholdUsd();
      for (PaymentMode mode : PaymentMode.values()) {
        for (BigDecimal value :
            List.of(
                BigDecimal.ONE,
                threshold.subtract(new BigDecimal("0.01")),
                threshold,
                threshold.add(new BigDecimal("0.01")))) {
          Map<String, Object> inputs = new HashMap<>(DecisionInputs.of(rules));
          inputs.put("valueUsd", value.doubleValue());
          inputs.put("paymentMode", mode.name());
          var result = dmn.evaluateDecisionTable(fx, inputs).getSingleResult();
          boolean allowed = rules.allowedPaymentModes().contains(mode);
          assertThat(result.<Boolean>getEntry("paymentModeAllowed"))
              .as("%s allowed by %s", mode, rules.allowedPaymentModes())
              .isEqualTo(allowed);
          // The chaincode's four eyes: above the threshold, not at it (a mode refused needs none).
          assertThat(result.<Boolean>getEntry("fourEyes"))
              .as("%s USD against %s", value, threshold)
              .isEqualTo(allowed && value.compareTo(threshold) > 0);
        }
      }
    }
  }

  @Test
  void theTablesHoldNoFigureOfTheirOwn() throws Exception {
    for (String key : List.of("grade", "fx-rules")) {
      String xml;
      try (InputStream in =
          getClass().getClassLoader().getResourceAsStream("decisions/" + key + ".dmn")) {
        xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
      var entries = java.util.regex.Pattern.compile("<inputEntry[^>]*><text>([^<]*)</text>");
      var m = entries.matcher(xml);
      List<String> literals = new ArrayList<>();
      while (m.find()) {
        if (m.group(1).matches(".*\\d.*") && !m.group(1).matches(".*\\.G\\d")) {
          literals.add(m.group(1));
        }
      }
      assertThat(literals).as("figures in %s: the rule set's to hold", key).isEmpty();
    }
  }
}
