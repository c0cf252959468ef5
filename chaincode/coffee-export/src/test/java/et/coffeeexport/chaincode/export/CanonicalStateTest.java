package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.domain.RuleSet;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stored state must be the same bytes whatever order its input listed things in. */
class CanonicalStateTest {

  @Test
  void aRuleSetSerialisesIdenticallyWhateverTheOrderOfItsSets() {
    String reordered =
        ExportWorld.RULES
            .replace(
                "[\"LETTER_OF_CREDIT\",\"CASH_AGAINST_DOCUMENTS\",\"ADVANCE_PAYMENT\"]",
                "[\"ADVANCE_PAYMENT\",\"CASH_AGAINST_DOCUMENTS\",\"LETTER_OF_CREDIT\"]")
            .replace(
                "[\"G1\",\"G2\",\"G3\",\"G4\",\"G5\"]", "[\"G5\",\"G3\",\"G1\",\"G4\",\"G2\"]");
    assertThat(reordered).isNotEqualTo(ExportWorld.RULES);
    String a = canonical(ExportWorld.RULES);
    String b = canonical(reordered);
    assertThat(a)
        .isEqualTo(b)
        .contains(
            "\"allowedPaymentModes\":[\"LETTER_OF_CREDIT\",\"CASH_AGAINST_DOCUMENTS\",\"ADVANCE_PAYMENT\"]");
    assertThat(canonical(a)).as("stable on a round trip").isEqualTo(a);
  }

  private static String canonical(String json) {
    RuleSet rules = CanonicalJson.parse(json, RuleSet.class, "rules");
    return new String(CanonicalJson.toBytes(rules), StandardCharsets.UTF_8);
  }
}
