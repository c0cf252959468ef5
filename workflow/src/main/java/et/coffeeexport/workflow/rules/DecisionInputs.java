package et.coffeeexport.workflow.rules;

import et.coffeeexport.domain.PaymentMode;
import et.coffeeexport.domain.RuleSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rule set's values by the names the decision tables read them: the tables hold no figure of
 * their own for what the rule set decides (the four-eyes threshold and payment modes in {@code
 * fx-rules}, each grade's minimum score in {@code grade}), so they can never disagree with the
 * ledger ({@code RuleSourcesTest} checks every rule of both against the domain's reading).
 */
final class DecisionInputs {
  static final String FOUR_EYES_THRESHOLD_USD = "fourEyesThresholdUsd";
  static final String ALLOWED_PAYMENT_MODES = "allowedPaymentModes";
  static final String MIN_SCORES = "minScores";

  private DecisionInputs() {}

  static Map<String, Object> of(RuleSet rules) {
    Map<String, Integer> minScores = new TreeMap<>();
    rules.gradeThresholds().forEach(t -> minScores.put(t.grade(), t.minScore()));
    return Map.of(
        FOUR_EYES_THRESHOLD_USD,
        rules.fourEyesThresholdUsd().doubleValue(),
        ALLOWED_PAYMENT_MODES,
        rules.allowedPaymentModes().stream().map(PaymentMode::name).toList(),
        MIN_SCORES,
        minScores);
  }
}
