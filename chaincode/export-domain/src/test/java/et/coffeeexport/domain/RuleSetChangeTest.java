package et.coffeeexport.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who changes a rule set and when it takes effect: ECTA proposes the next version, dated neither in
 * the past nor before the newest; a National Bank supervisor who is someone else co-signs it; what
 * is filed on a day takes the newest version in force that day.
 */
class RuleSetChangeTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-12-01");

  private static RuleSet dated(int version, String effectiveDate, String proposedBy) {
    RuleSet r = SampleRules.version(version);
    return new RuleSet(
        r.version(),
        r.maxAmendmentRounds(),
        r.contractReportingHours(),
        r.shipmentPeriodDays(),
        r.repatriationPeriodMonths(),
        r.exportGrades(),
        r.gradeThresholds(),
        r.allowedPaymentModes(),
        r.fourEyesThresholdUsd(),
        r.requiredDocuments(),
        r.clockToleranceMinutes(),
        r.contractMaxAgeDays(),
        r.billOfLadingMaxAgeDays(),
        r.maxShipmentExtensionDays(),
        effectiveDate,
        "NBE FX directive 2026/7",
        proposedBy,
        null);
  }

  private static RefusalCode proposing(RuleSet proposed, RuleSet latest) {
    return RuleSetChange.proposalRefusal(proposed, latest, TODAY)
        .map(Decision.Rejected::code)
        .orElse(null);
  }

  @Test
  void ectaProposesAndOnlyNationalBankSupervisorsCoSign() {
    assertThat(RuleSetChange.mayPropose(new Actor(Organisation.ECTA, Role.OFFICER))).isTrue();
    assertThat(RuleSetChange.mayPropose(new Actor(Organisation.ECTA, Role.SUPERVISOR))).isTrue();
    assertThat(RuleSetChange.mayPropose(new Actor(Organisation.NATIONAL_BANK, Role.SUPERVISOR)))
        .isFalse();
    assertThat(RuleSetChange.mayCosign(new Actor(Organisation.NATIONAL_BANK, Role.SUPERVISOR)))
        .isTrue();
    assertThat(RuleSetChange.mayCosign(new Actor(Organisation.NATIONAL_BANK, Role.OFFICER)))
        .isFalse();
    assertThat(RuleSetChange.mayCosign(new Actor(Organisation.ECTA, Role.SUPERVISOR))).isFalse();
  }

  @Test
  void aProposalIsTheNextVersionDatedFromTodayOnAndNotBeforeTheNewest() {
    RuleSet first = SampleRules.version(1);
    assertThat(proposing(dated(2, "2026-12-01", null), first)).isNull();
    assertThat(proposing(dated(2, null, null), first)).isEqualTo(RefusalCode.INVALID_ARGUMENT);
    assertThat(proposing(dated(3, "2026-12-01", null), first))
        .isEqualTo(RefusalCode.INVALID_ARGUMENT);
    assertThat(proposing(dated(2, "2026-11-30", null), first))
        .isEqualTo(RefusalCode.EFFECTIVE_DATE_PASSED);
    RuleSet later = dated(2, "2027-01-01", "kc-ecta");
    assertThat(proposing(dated(3, "2026-12-31", null), later))
        .isEqualTo(RefusalCode.INVALID_ARGUMENT);
    assertThat(proposing(dated(3, "2027-01-01", null), later)).isNull();
  }

  @Test
  void theCoSignerIsSomeoneElseAndTheDateHasNotPassed() {
    RuleSet proposal = dated(2, "2026-12-01", "kc-ecta");
    assertThat(RuleSetChange.cosignatureRefusal(proposal, "kc-nbe", TODAY)).isEmpty();
    assertThat(RuleSetChange.cosignatureRefusal(proposal, "kc-ecta", TODAY))
        .map(Decision.Rejected::code)
        .contains(RefusalCode.FOUR_EYES_REQUIRED);
    assertThat(RuleSetChange.cosignatureRefusal(proposal, "kc-nbe", TODAY.plusDays(1)))
        .map(Decision.Rejected::code)
        .contains(RefusalCode.EFFECTIVE_DATE_PASSED);
  }

  @Test
  void whatIsFiledOnADayTakesTheNewestVersionInForceThatDay() {
    Map<Integer, RuleSet> versions =
        Map.of(
            1, SampleRules.version(1),
            2, dated(2, "2026-12-01", "a").cosigned("b"),
            3, dated(3, "2027-01-01", "a").cosigned("b"));
    RuleSet latest = versions.get(3);
    assertThat(RuleSetChange.inForce(latest, versions::get, TODAY.minusDays(1)).version())
        .as("the first rule set is in force from the start")
        .isEqualTo(1);
    assertThat(RuleSetChange.inForce(latest, versions::get, TODAY).version()).isEqualTo(2);
    assertThat(
            RuleSetChange.inForce(latest, versions::get, LocalDate.parse("2027-01-01")).version())
        .isEqualTo(3);
  }

  @Test
  void gradeThresholdsFallFromTheBestGrade() {
    RuleSet r = SampleRules.version(1);
    assertThat(r.violations()).isEmpty();
    RuleSet swapped =
        new RuleSet(
            1,
            2,
            24,
            90,
            3,
            r.exportGrades(),
            List.of(new RuleSet.GradeThreshold("G2", 81), new RuleSet.GradeThreshold("G1", 91)),
            r.allowedPaymentModes(),
            r.fourEyesThresholdUsd(),
            r.requiredDocuments(),
            10,
            180,
            30,
            60);
    assertThat(swapped.violations())
        .containsExactly(
            "gradeThresholds must list G1-G9 (then UG) best first, each below the one before");
  }
}
