package et.coffeeexport.domain;

import static et.coffeeexport.domain.ExporterStanding.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which standing changes take a second person, and which need the repatriation evidence. */
class StandingCosignatureTest {

  @Test
  void aBanAndAReinstatementAreCoSignedASuspensionAndTheDelinquencyAreNot() {
    assertThat(ACTIVE.needsCosignature(BANNED)).isTrue();
    assertThat(SUSPENDED.needsCosignature(BANNED)).isTrue();
    assertThat(DELINQUENT.needsCosignature(BANNED)).isTrue();
    assertThat(SUSPENDED.needsCosignature(ACTIVE)).as("reinstatement").isTrue();
    assertThat(ACTIVE.needsCosignature(SUSPENDED))
        .as("a suspension takes effect at once")
        .isFalse();
    assertThat(ACTIVE.needsCosignature(DELINQUENT)).isFalse();
    assertThat(DELINQUENT.needsCosignature(ACTIVE)).as("cleared on evidence").isFalse();
  }

  @Test
  void onlyClearingADelinquencyNeedsTheRepatriationEvidence() {
    for (ExporterStanding from : values()) {
      for (ExporterStanding to : values()) {
        assertThat(from.needsRepatriationEvidence(to))
            .as("%s -> %s", from, to)
            .isEqualTo(from == DELINQUENT && to == ACTIVE);
      }
    }
  }
}
