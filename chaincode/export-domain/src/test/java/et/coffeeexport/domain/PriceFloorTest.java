package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** What ECTA may propose as a minimum price: every field checked, each problem named. */
class PriceFloorTest {

  private static PriceFloor floor(
      String grade, String origin, String process, String effectiveDate, String price) {
    return new PriceFloor(
        "id",
        grade,
        origin,
        process,
        effectiveDate,
        price == null ? null : new BigDecimal(price),
        false,
        null,
        null);
  }

  private static PriceFloor valid() {
    return floor("G2", "SIDAMA", "WASHED", "2026-01-01", "3.00");
  }

  @Test
  void aCompleteEntryMayBeProposed() {
    assertThat(valid().violations()).isEmpty();
    assertThat(floor("UG", "LIMU_2", "NATURAL", "2026-12-31", "0.01").violations()).isEmpty();
    assertThat(floor("G9", "A", "WASHED", "2026-01-01", "999").violations()).isEmpty();
  }

  @Test
  void refusesAGradeOutsideG1ToG9AndUg() {
    for (String grade : new String[] {null, "G0", "G10", "g2", "X"}) {
      assertThat(floor(grade, "SIDAMA", "WASHED", "2026-01-01", "3.00").violations())
          .as("grade %s", grade)
          .containsExactly("grade must be G1-G9 or UG");
    }
  }

  @Test
  void refusesAnOriginThatIsNoUpperCaseRegionName() {
    for (String origin : new String[] {null, "sidama", "1SIDAMA", "A".repeat(33)}) {
      assertThat(floor("G2", origin, "WASHED", "2026-01-01", "3.00").violations())
          .as("origin %s", origin)
          .containsExactly("origin must be an upper-case region name");
    }
    assertThat(floor("G2", "A".repeat(32), "WASHED", "2026-01-01", "3.00").violations()).isEmpty();
  }

  @Test
  void refusesAProcessOtherThanWashedOrNatural() {
    for (String process : new String[] {null, "HONEY", "washed"}) {
      assertThat(floor("G2", "SIDAMA", process, "2026-01-01", "3.00").violations())
          .as("process %s", process)
          .containsExactly("process must be WASHED or NATURAL");
    }
  }

  @Test
  void refusesAnEffectiveDateThatIsNoIsoDate() {
    for (String date : new String[] {null, "01/01/2026", "2026-02-30"}) {
      assertThat(floor("G2", "SIDAMA", "WASHED", date, "3.00").violations())
          .as("date %s", date)
          .containsExactly("effectiveDate must be an ISO-8601 date");
    }
  }

  @Test
  void refusesAMinimumPriceThatIsNotPositive() {
    for (String price : new String[] {null, "0", "0.00", "-3.00"}) {
      assertThat(floor("G2", "SIDAMA", "WASHED", "2026-01-01", price).violations())
          .as("price %s", price)
          .containsExactly("minPricePerLbUsd must be positive");
    }
  }

  @Test
  void reportsEveryProblemOfAnEmptyEntryAtOnce() {
    assertThat(floor(null, null, null, null, null).violations()).hasSize(5);
  }
}
