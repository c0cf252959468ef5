package et.coffeeexport.workflow.registration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * When the licence's watch acts, from the last day the ledger says the licence is valid: the
 * reminder {@value #REMINDER_DAYS} days before, and the lapse at the start of the day after (UTC),
 * when the chaincode starts refusing the exporter.
 */
final class LicenceDates {
  static final int REMINDER_DAYS = 30;

  private LicenceDates() {}

  static String reminderAt(LocalDate validThrough) {
    return midnight(validThrough.minusDays(REMINDER_DAYS));
  }

  static String lapsesAt(LocalDate validThrough) {
    return midnight(validThrough.plusDays(1));
  }

  /** The last valid day of a licence that lapses at {@code lapsesAt}. */
  static LocalDate validThrough(String lapsesAt) {
    return Instant.parse(lapsesAt).atZone(ZoneOffset.UTC).toLocalDate().minusDays(1);
  }

  private static String midnight(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }
}
