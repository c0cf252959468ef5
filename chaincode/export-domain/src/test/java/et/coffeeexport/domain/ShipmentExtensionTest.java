package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** How far ECTA may move a recorded shipment deadline: the rule set's maximum, never backwards. */
class ShipmentExtensionTest {
  private final RuleSet rules = SampleRules.version(1);
  private final LocalDate due = LocalDate.parse("2027-02-20");
  private final Instant dayAfterDue = Instant.parse("2027-02-21T09:00:00Z");

  @Test
  void acceptsAnyLaterDayUpToTheMaximumExtension() {
    assertThat(rules.maxShipmentExtensionDays()).isEqualTo(60);
    assertThat(violations(due.plusDays(1))).isEmpty();
    assertThat(violations(due.plusDays(60))).isEmpty();
  }

  @Test
  void refusesADayBeyondTheMaximumExtension() {
    assertThat(violations(due.plusDays(61)))
        .containsExactly(
            "newShipmentDate may extend the deadline by at most 60 days (to 2027-04-21)");
  }

  @Test
  void refusesTheSameOrAnEarlierDay() {
    assertThat(violations(due)).contains("newShipmentDate must be later than 2027-02-20");
    assertThat(violations(due.minusDays(5)))
        .contains("newShipmentDate must be later than 2027-02-20");
  }

  @Test
  void refusesADayThatHasPassedAtTheTransactionsTime() {
    Instant muchLater = Instant.parse("2027-03-10T00:00:00Z");
    assertThat(Deadlines.shipmentExtensionViolations(due, due.plusDays(10), muchLater, rules))
        .containsExactly("newShipmentDate 2027-03-02 has already passed");
    assertThat(Deadlines.shipmentExtensionViolations(due, due.plusDays(18), muchLater, rules))
        .as("the new due day itself is still open")
        .isEmpty();
  }

  @Test
  void aRuleSetWithoutAMaximumExtensionCannotBePutInForce() {
    RuleSet none =
        new RuleSet(
            1,
            2,
            24,
            90,
            3,
            rules.exportGrades(),
            rules.gradeThresholds(),
            rules.allowedPaymentModes(),
            rules.fourEyesThresholdUsd(),
            rules.requiredDocuments(),
            10,
            180,
            30,
            0);
    assertThat(none.violations()).containsExactly("maxShipmentExtensionDays must be 1-365");
  }

  private java.util.List<String> violations(LocalDate requested) {
    return Deadlines.shipmentExtensionViolations(due, requested, dayAfterDue, rules);
  }
}
