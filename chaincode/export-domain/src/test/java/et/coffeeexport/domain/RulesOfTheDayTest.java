package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesOfTheDayTest {
  private static final RuleSet RULES = SampleRules.version(1);

  private static PriceFloor floor(String id, String date, String price, boolean cosigned) {
    return new PriceFloor(
        id, "G2", "SIDAMA", "WASHED", date, new BigDecimal(price), cosigned, "ecta-officer", null);
  }

  @Test
  void theFloorInForceIsTheLatestCosignedEntryOnOrBeforeTheDay() {
    var entries =
        List.of(
            floor("f1", "2026-01-01", "3.00", true),
            floor("f2", "2026-06-01", "3.40", true),
            floor("f3", "2026-09-01", "3.90", false));
    assertThat(PriceFloor.inForce(entries, LocalDate.parse("2026-05-31")))
        .get()
        .extracting(PriceFloor::id)
        .isEqualTo("f1");
    assertThat(PriceFloor.inForce(entries, LocalDate.parse("2026-11-20")))
        .get()
        .extracting(PriceFloor::id)
        .isEqualTo("f2");
    assertThat(PriceFloor.inForce(entries, LocalDate.parse("2025-12-31"))).isEmpty();
  }

  @Test
  void aPriceAtTheFloorIsAdmittedAndBelowItIsNot() {
    var f = floor("f", "2026-01-01", "3.40", true);
    assertThat(f.admits(new BigDecimal("3.40"))).isTrue();
    assertThat(f.admits(new BigDecimal("3.3999"))).isFalse();
  }

  @Test
  void gradesByTotalScoreAgainstTheThresholdsOfTheRuleSet() {
    assertThat(Grading.grade(38, 55, RULES)).contains("G1");
    assertThat(Grading.grade(30, 52, RULES)).contains("G2");
    assertThat(Grading.grade(20, 30, RULES)).isEmpty();
    assertThat(Grading.grade(41, 60, RULES)).isEmpty();
    assertThat(Grading.grade(-1, 60, RULES)).isEmpty();
  }

  @Test
  void contractReportedMoreThan24HoursAfterSigningIsLate() {
    Instant signed = Instant.parse("2026-11-20T08:00:00Z");
    assertThat(Deadlines.reportedLate(signed, Instant.parse("2026-11-21T08:00:00Z"), RULES))
        .isFalse();
    assertThat(Deadlines.reportedLate(signed, Instant.parse("2026-11-21T08:00:01Z"), RULES))
        .isTrue();
  }

  @Test
  void deadlinesCountFromLedgerDates() {
    assertThat(Deadlines.shipmentDue(Instant.parse("2026-11-20T23:59:00Z"), RULES))
        .isEqualTo("2027-02-18");
    LocalDate due = Deadlines.repatriationDue(LocalDate.parse("2026-11-30"), RULES);
    assertThat(due).isEqualTo("2027-02-28");
    assertThat(Deadlines.passed(due, Instant.parse("2027-02-28T23:59:59Z"))).isFalse();
    assertThat(Deadlines.passed(due, Instant.parse("2027-03-01T00:00:00Z"))).isTrue();
  }

  @Test
  void aRuleSetMustBeCompleteToBePutInForce() {
    assertThat(RULES.violations()).isEmpty();
    var broken =
        new RuleSet(
            0,
            -1,
            0,
            0,
            0,
            java.util.Set.of(),
            List.of(),
            java.util.Set.of(),
            BigDecimal.ZERO,
            null,
            -1,
            0,
            0,
            0);
    assertThat(broken.violations()).hasSize(14);
  }
}
