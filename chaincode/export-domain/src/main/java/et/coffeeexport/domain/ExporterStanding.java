package et.coffeeexport.domain;

import java.util.Map;
import java.util.Set;

/**
 * An exporter's standing in the participant registry, and who may change it: ECTA licenses
 * (suspends, reinstates, bans), National Bank sets and clears {@code DELINQUENT} (proceeds not
 * repatriated in time). A ban is final; a ban and a reinstatement are co-signed ({@link
 * #needsCosignature}).
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

  /**
   * Whether moving an exporter from this standing to {@code to} takes two people: an officer
   * proposes it, a supervisor of the same organisation co-signs it. A ban is final (nothing moves
   * an exporter out of {@code BANNED}) and a reinstatement lifts ECTA's sanction: a regulator lets
   * neither rest on one person's decision, as the minimum prices and the four-eyes FX approval do
   * not. A suspension must take effect at once and is undone only by a co-signed reinstatement.
   * National Bank's delinquency follows the proceeds, not a judgement: marking it and clearing it
   * are one officer's decision, clearing only with the repatriation evidence recorded ({@link
   * #needsRepatriationEvidence}).
   */
  public boolean needsCosignature(ExporterStanding to) {
    return to == BANNED || (this == SUSPENDED && to == ACTIVE);
  }

  /**
   * Whether the change must record the repatriation evidence with it: National Bank clears a
   * delinquency only on proof that the proceeds came home.
   */
  public boolean needsRepatriationEvidence(ExporterStanding to) {
    return this == DELINQUENT && to == ACTIVE;
  }
}
