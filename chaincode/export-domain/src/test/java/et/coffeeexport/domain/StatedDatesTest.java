package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Stated times and dates against the transaction's time, at exactly the limits of the rule set: 10
 * minutes of clock tolerance, contracts up to 180 days old, bills of lading up to 30 days old.
 */
class StatedDatesTest {
  private final RuleSet rules = SampleRules.version(1);
  private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");

  private static ExportRequest signedAt(String signedAt, String contractDate) {
    return new ExportRequest(
        "EXPORTER-1",
        "SC-2026-001",
        signedAt,
        contractDate,
        "DE",
        19_200,
        "G2",
        "SIDAMA",
        "WASHED",
        "FOB");
  }

  @Test
  void aSignatureUpToTheClockToleranceAheadIsAcceptedAndOneSecondMoreIsNot() {
    assertThat(
            StatedDates.contractViolations(
                signedAt("2026-11-20T09:10:00Z", "2026-11-20"), NOW, rules))
        .isEmpty();
    assertThat(
            StatedDates.contractViolations(
                signedAt("2026-11-20T09:10:01Z", "2026-11-20"), NOW, rules))
        .containsExactly("contractSignedAt lies in the future");
  }

  @Test
  void aContractDatedTheDayTheToleranceReachesIsAcceptedAndTheDayAfterIsNot() {
    // At 23:55 the ten minutes of tolerance reach into the next day.
    Instant lateEvening = Instant.parse("2026-11-20T23:55:00Z");
    assertThat(
            StatedDates.contractViolations(
                signedAt("2026-11-20T08:00:00Z", "2026-11-21"), lateEvening, rules))
        .isEmpty();
    assertThat(
            StatedDates.contractViolations(
                signedAt("2026-11-20T08:00:00Z", "2026-11-21"), NOW, rules))
        .containsExactly("contractDate lies in the future");
  }

  @Test
  void aContractExactlyAsOldAsTheRuleAllowsIsAcceptedAndADayOlderIsNot() {
    String oldest = LocalDate.parse("2026-11-20").minusDays(180).toString();
    String tooOld = LocalDate.parse("2026-11-20").minusDays(181).toString();
    assertThat(StatedDates.contractViolations(signedAt("2026-05-01T00:00:00Z", oldest), NOW, rules))
        .isEmpty();
    assertThat(StatedDates.contractViolations(signedAt("2026-05-01T00:00:00Z", tooOld), NOW, rules))
        .containsExactly("contractDate is older than 180 days");
  }

  @Test
  void reportsASignatureAndADateInTheFutureTogether() {
    assertThat(
            StatedDates.contractViolations(
                signedAt("2026-11-21T09:00:00Z", "2026-11-22"), NOW, rules))
        .containsExactly("contractSignedAt lies in the future", "contractDate lies in the future");
  }

  @Test
  void leavesMalformedValuesToTheRequestsOwnValidation() {
    assertThat(StatedDates.contractViolations(signedAt("yesterday", "20/11/2026"), NOW, rules))
        .isEmpty();
    assertThat(StatedDates.contractViolations(signedAt(null, null), NOW, rules)).isEmpty();
  }

  @Test
  void aBillOfLadingIsDatedNoLaterThanTheToleranceAndNoEarlierThanItsMaximumAge() {
    assertThat(StatedDates.billOfLadingViolations(LocalDate.parse("2026-11-20"), NOW, rules))
        .isEmpty();
    assertThat(StatedDates.billOfLadingViolations(LocalDate.parse("2026-11-21"), NOW, rules))
        .containsExactly("billOfLadingDate lies in the future");
    assertThat(
            StatedDates.billOfLadingViolations(
                LocalDate.parse("2026-11-21"), Instant.parse("2026-11-20T23:50:00Z"), rules))
        .as("ten minutes before midnight, tomorrow's date is within the tolerance")
        .isEmpty();
    assertThat(StatedDates.billOfLadingViolations(LocalDate.parse("2026-10-21"), NOW, rules))
        .as("exactly 30 days old")
        .isEmpty();
    assertThat(StatedDates.billOfLadingViolations(LocalDate.parse("2026-10-20"), NOW, rules))
        .containsExactly("billOfLadingDate is older than 30 days");
  }
}
