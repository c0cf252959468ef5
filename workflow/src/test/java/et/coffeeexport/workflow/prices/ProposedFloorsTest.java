package et.coffeeexport.workflow.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.domain.PriceFloor;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The officer's proposal is checked as the chaincode checks a floor, for the round's day, and a
 * missing floor is explained by what the approval waits for.
 */
class ProposedFloorsTest {
  private static final String DAY = "2026-12-02";

  @Test
  void aProposalBecomesOneFloorPerEntryForTheRoundsDay() {
    List<PriceFloor> floors =
        ProposedFloors.parse(
            "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.05},"
                + "{\"grade\":\"UG\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"minPricePerLbUsd\":1.2}]",
            DAY);
    assertThat(floors).hasSize(2);
    assertThat(floors.get(0).effectiveDate()).isEqualTo(DAY);
    assertThat(floors.get(0).minPricePerLbUsd()).isEqualByComparingTo("3.05");
    assertThat(ProposedFloors.proposal(floors.get(1)))
        .isEqualTo(
            "{\"grade\":\"UG\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"effectiveDate\":\"2026-12-02\",\"minPricePerLbUsd\":1.2,\"cosigned\":false}");
  }

  @Test
  void aMistakeNamesTheEntryItIsIn() {
    assertThatThrownBy(
            () ->
                ProposedFloors.parse(
                    "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3},"
                        + "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"HONEY\",\"minPricePerLbUsd\":3}]",
                    DAY))
        .hasMessage("entry 2: process must be WASHED or NATURAL");
    assertThatThrownBy(
            () ->
                ProposedFloors.parse(
                    "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":\"3\"}]",
                    DAY))
        .hasMessageContaining("minPricePerLbUsd must be positive");
    assertThatThrownBy(
            () ->
                ProposedFloors.parse(
                    "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3,\"cosigned\":true}]",
                    DAY))
        .hasMessage("entry 1 has an unknown field cosigned");
  }

  @Test
  void aProposalIsANonEmptyArrayWithoutRepeats() {
    assertThatThrownBy(() -> ProposedFloors.parse("[]", DAY)).hasMessageContaining("non-empty");
    assertThatThrownBy(() -> ProposedFloors.parse("{}", DAY)).hasMessageContaining("JSON array");
    assertThatThrownBy(() -> ProposedFloors.parse("[1", DAY)).hasMessageContaining("not JSON");
    String g2 =
        "{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3}";
    assertThatThrownBy(() -> ProposedFloors.parse("[" + g2 + "," + g2 + "]", DAY))
        .hasMessage("entry 2 repeats G2/SIDAMA/WASHED");
  }

  @Test
  void theDayIsTodayOrTheDayTheAdministratorNamed() {
    LocalDate today = LocalDate.parse("2026-12-01");
    assertThat(PriceFloorDay.day(null, today)).isEqualTo(today);
    assertThat(PriceFloorDay.day(" ", today)).isEqualTo(today);
    assertThat(PriceFloorDay.day("2026-12-03", today)).isEqualTo(LocalDate.parse("2026-12-03"));
    assertThat(PriceFloorDay.day("2026-01-01", today))
        .as("the opening prices")
        .isEqualTo(LocalDate.parse("2026-01-01"));
    assertThatThrownBy(() -> PriceFloorDay.day("tomorrow", today)).hasMessageContaining("ISO-8601");
  }

  @Test
  void aMissingFloorSaysWhetherAProposalAwaitsNationalBank() {
    LocalDate day = LocalDate.parse("2026-12-02");
    var proposed =
        new PriceFloor(
            "G2/KAFFA/WASHED/2026-12-02",
            "G2",
            "KAFFA",
            "WASHED",
            "2026-12-02",
            new BigDecimal("3"),
            false,
            "kc-1",
            null);
    assertThat(MinimumPrices.missing(List.of(proposed), "G2", "KAFFA", "WASHED", day))
        .isEqualTo(
            "PRECONDITION_FAILED: no co-signed minimum export price for G2/KAFFA/WASHED on 2026-12-02:"
                + " ECTA's proposal G2/KAFFA/WASHED/2026-12-02 awaits National Bank's co-signature"
                + " (DailyPriceFloors); decide again once it is in force");
    assertThat(MinimumPrices.missing(List.of(), "G2", "KAFFA", "WASHED", day))
        .contains(": ECTA has proposed none (DailyPriceFloors)");
    assertThat(MinimumPrices.missing(List.of(proposed), "G2", "KAFFA", "WASHED", day.minusDays(1)))
        .as("a proposal for a later day is not what this day waits for")
        .contains("ECTA has proposed none");
  }
}
