package et.coffeeexport.domain;

import java.util.Optional;

/**
 * ECX grading: a grade from the physical (out of 40) and cup (out of 60) scores, by the rule set's
 * thresholds.
 */
public final class Grading {
  private Grading() {}

  /**
   * The grade earned, or empty when the scores are out of range or below every threshold
   * (undergrade lots are then graded {@code UG} only if the thresholds list it).
   */
  public static Optional<String> grade(int physicalScore, int cupScore, RuleSet rules) {
    if (physicalScore < 0 || physicalScore > 40 || cupScore < 0 || cupScore > 60) {
      return Optional.empty();
    }
    int total = physicalScore + cupScore;
    return rules.gradeThresholds().stream()
        .filter(t -> total >= t.minScore())
        .max(java.util.Comparator.comparingInt(RuleSet.GradeThreshold::minScore))
        .map(RuleSet.GradeThreshold::grade);
  }
}
