package et.coffeeexport.domain;

import java.time.Instant;
import java.util.List;

/**
 * An exporter's entry in the participant registry, as the {@code user-management} chaincode stores
 * and answers it. It holds no credential of any kind: authentication is Keycloak's.
 *
 * @param overdueExports the exports whose proceeds National Bank found overdue and has not yet
 *     cleared: while any is listed the exporter is delinquent, whatever else its standing says
 * @param lastReasons why its standing last changed (or why its licence was last renewed)
 */
public record RegisteredExporter(
    String exporterId,
    ExporterStanding standing,
    ExporterProfile profile,
    String registeredAt,
    String updatedAt,
    List<String> lastReasons,
    List<String> overdueExports) {

  /** What {@link #statusAt} answers for an active exporter whose licence has lapsed. */
  public static final String LICENCE_EXPIRED = "LICENCE_EXPIRED";

  public RegisteredExporter {
    overdueExports = overdueExports == null ? List.of() : overdueExports.stream().sorted().toList();
  }

  /** The standing that decides whether the exporter may act, its licence aside. */
  public ExporterStanding effectiveStanding() {
    return standing == ExporterStanding.ACTIVE && !overdueExports.isEmpty()
        ? ExporterStanding.DELINQUENT
        : standing;
  }

  /**
   * Whether the exporter may act at {@code now} (a transaction's time): its effective standing, or
   * {@link #LICENCE_EXPIRED} when it is active but its licence lapsed before that day. So an
   * expired licence stops filings without anyone writing to the ledger, and a renewal lifts it,
   * while a suspension, a ban or a delinquency stays what it is whatever the licence says.
   */
  public String statusAt(Instant now) {
    ExporterStanding effective = effectiveStanding();
    return effective == ExporterStanding.ACTIVE && profile.expiredAt(now)
        ? LICENCE_EXPIRED
        : effective.name();
  }

  /** This entry with its standing, profile, reasons or overdue exports changed at {@code at}. */
  public RegisteredExporter changed(
      ExporterStanding newStanding,
      ExporterProfile newProfile,
      String at,
      List<String> reasons,
      List<String> overdue) {
    return new RegisteredExporter(
        exporterId, newStanding, newProfile, registeredAt, at, reasons, overdue);
  }
}
