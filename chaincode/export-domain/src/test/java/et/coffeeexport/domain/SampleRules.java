package et.coffeeexport.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

final class SampleRules {
  private SampleRules() {}

  static RuleSet version(int version) {
    return new RuleSet(
        version,
        2,
        24,
        90,
        3,
        Set.of("G1", "G2", "G3", "G4", "G5"),
        List.of(
            new RuleSet.GradeThreshold("G1", 91),
            new RuleSet.GradeThreshold("G2", 81),
            new RuleSet.GradeThreshold("G3", 71),
            new RuleSet.GradeThreshold("G4", 63),
            new RuleSet.GradeThreshold("G5", 58)),
        EnumSet.of(
            PaymentMode.LETTER_OF_CREDIT,
            PaymentMode.CASH_AGAINST_DOCUMENTS,
            PaymentMode.ADVANCE_PAYMENT),
        new BigDecimal("500000"),
        Map.of(ExportAction.APPROVE_COMPLIANCE, Set.of(DocumentType.SALES_CONTRACT)),
        10,
        180,
        30,
        60);
  }
}
