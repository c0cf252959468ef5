package et.coffeeexport.domain;

import java.util.Map;
import java.util.Set;

/**
 * An exporter's standing in the participant registry, and who may change it: ECTA licenses
 * (suspends, reinstates, bans), National Bank sets and clears {@code DELINQUENT} (proceeds not
 * repatriated in time). A ban is final.
 */
public enum ExporterStanding {
  ACTIVE,
  SUSPENDED,
  BANNED,
  DELINQUENT;

  private static final Map<Organisation, Map<ExporterStanding, Set<ExporterStanding>>> ALLOWED =
      Map.of(
          Organisation.ECTA,
          Map.of(
              ACTIVE, Set.of(SUSPENDED, BANNED),
              SUSPENDED, Set.of(ACTIVE, BANNED),
              DELINQUENT, Set.of(BANNED)),
          Organisation.NATIONAL_BANK,
          Map.of(ACTIVE, Set.of(DELINQUENT), DELINQUENT, Set.of(ACTIVE)));

  /** Whether {@code organisation} may move an exporter from this standing to {@code to}. */
  public boolean mayBecome(ExporterStanding to, Organisation organisation) {
    return ALLOWED.getOrDefault(organisation, Map.of()).getOrDefault(this, Set.of()).contains(to);
  }
}
