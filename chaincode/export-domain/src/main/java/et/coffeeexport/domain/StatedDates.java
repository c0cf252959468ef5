package et.coffeeexport.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Times and dates people state (when the contract was signed, its date, the bill of lading's date),
 * checked against the transaction's own timestamp: nothing in the future beyond the rule set's
 * clock tolerance, nothing older than the rule set allows. They decide deadlines (late reporting,
 * repatriation), so an implausible one is refused rather than recorded.
 */
public final class StatedDates {
  private StatedDates() {}

  /** What is wrong with a request's signature time and contract date at {@code now}. */
  public static List<String> contractViolations(ExportRequest request, Instant now, RuleSet rules) {
    Violations v = new Violations();
    if (ExportRequest.parsesAsInstant(request.contractSignedAt())) {
      v.check(
          !Instant.parse(request.contractSignedAt()).isAfter(latest(now, rules)),
          "contractSignedAt lies in the future");
    }
    if (ExportRequest.parsesAsDate(request.contractDate())) {
      LocalDate date = LocalDate.parse(request.contractDate());
      v.check(!date.isAfter(day(latest(now, rules))), "contractDate lies in the future");
      v.check(
          !date.isBefore(day(now).minusDays(rules.contractMaxAgeDays())),
          "contractDate is older than " + rules.contractMaxAgeDays() + " days");
    }
    return v.list();
  }

  /** What is wrong with a bill of lading dated {@code date}, recorded at {@code now}. */
  public static List<String> billOfLadingViolations(LocalDate date, Instant now, RuleSet rules) {
    Violations v = new Violations();
    v.check(!date.isAfter(day(latest(now, rules))), "billOfLadingDate lies in the future");
    v.check(
        !date.isBefore(day(now).minusDays(rules.billOfLadingMaxAgeDays())),
        "billOfLadingDate is older than " + rules.billOfLadingMaxAgeDays() + " days");
    return v.list();
  }

  private static Instant latest(Instant now, RuleSet rules) {
    return now.plus(Duration.ofMinutes(rules.clockToleranceMinutes()));
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
