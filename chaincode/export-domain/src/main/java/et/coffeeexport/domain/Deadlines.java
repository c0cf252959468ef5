package et.coffeeexport.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deadlines as dates. The chaincode never reads a clock: it computes these from dates recorded on
 * the ledger and compares them with the transaction's own timestamp.
 */
public final class Deadlines {
  private Deadlines() {}

  /**
   * Whether a contract signed at {@code signedAt} and reported at {@code reportedAt} was reported
   * late.
   */
  public static boolean reportedLate(Instant signedAt, Instant reportedAt, RuleSet rules) {
    return reportedAt.isAfter(contractReportDue(signedAt, rules));
  }

  /** The last moment a contract signed at {@code signedAt} may be reported. */
  public static Instant contractReportDue(Instant signedAt, RuleSet rules) {
    return signedAt.plus(Duration.ofHours(rules.contractReportingHours()));
  }

  /** The last day of shipment, counted from the day ECTA registered the contract. */
  public static LocalDate shipmentDue(Instant registeredAt, RuleSet rules) {
    return day(registeredAt).plusDays(rules.shipmentPeriodDays());
  }

  /** The last day for repatriating the proceeds, counted from the bill-of-lading date. */
  public static LocalDate repatriationDue(LocalDate billOfLadingDate, RuleSet rules) {
    return billOfLadingDate.plusMonths(rules.repatriationPeriodMonths());
  }

  /**
   * What is wrong with ECTA moving the shipment deadline from {@code current} to {@code requested}
   * at {@code now}: it must move later, by at most the rule set's maximum extension, to a day that
   * has not passed already.
   */
  public static List<String> shipmentExtensionViolations(
      LocalDate current, LocalDate requested, Instant now, RuleSet rules) {
    Violations v = new Violations();
    LocalDate latest = current.plusDays(rules.maxShipmentExtensionDays());
    v.check(requested.isAfter(current), "newShipmentDate must be later than " + current);
    v.check(
        !requested.isAfter(latest),
        "newShipmentDate may extend the deadline by at most "
            + rules.maxShipmentExtensionDays()
            + " days (to "
            + latest
            + ")");
    v.check(!passed(requested, now), "newShipmentDate " + requested + " has already passed");
    return v.list();
  }

  /** Whether {@code due} has passed at {@code now} (the day after the due day has begun, UTC). */
  public static boolean passed(LocalDate due, Instant now) {
    return day(now).isAfter(due);
  }

  private static LocalDate day(Instant instant) {
    return instant.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
