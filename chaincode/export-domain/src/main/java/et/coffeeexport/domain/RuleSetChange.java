package et.coffeeexport.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * How a rule set changes (DOMAIN.md: rules kept as versioned data): ECTA proposes the next version
 * with the day it takes effect; a National Bank supervisor, someone other than the proposer,
 * co-signs exactly that proposal; only then is it in force, from its effective date, for what is
 * filed from then on. Exports already filed keep the version they were filed under. The chaincode
 * enforces this and the workflow's process follows it; both ask here.
 */
public final class RuleSetChange {
  private RuleSetChange() {}

  /** The organisation that proposes rule sets. */
  public static final Organisation PROPOSER = Organisation.ECTA;

  /** The organisation whose supervisor co-signs them. */
  public static final Organisation COSIGNER = Organisation.NATIONAL_BANK;

  /** ECTA's officers and supervisors propose. */
  public static boolean mayPropose(Actor actor) {
    return actor.organisation() == PROPOSER
        && (actor.role() == Role.OFFICER || actor.role() == Role.SUPERVISOR);
  }

  /** Only National Bank's supervisors co-sign. */
  public static boolean mayCosign(Actor actor) {
    return actor.organisation() == COSIGNER && actor.role() == Role.SUPERVISOR;
  }

  /**
   * Why {@code proposed} cannot be proposed on {@code today} after {@code latest} (the newest
   * co-signed rule set), or empty: it must be valid, the next version, dated, and take effect
   * neither before today nor before {@code latest} does.
   */
  public static Optional<Decision.Rejected> proposalRefusal(
      RuleSet proposed, RuleSet latest, LocalDate today) {
    List<String> violations = proposed.violations();
    if (!violations.isEmpty()) {
      return refused(RefusalCode.INVALID_ARGUMENT, String.join("; ", violations));
    }
    if (proposed.effectiveDate() == null) {
      return refused(
          RefusalCode.INVALID_ARGUMENT, "a proposal names the day it takes effect (effectiveDate)");
    }
    if (proposed.version() != latest.version() + 1) {
      return refused(
          RefusalCode.INVALID_ARGUMENT, "the next rule set version is " + (latest.version() + 1));
    }
    LocalDate effective = LocalDate.parse(proposed.effectiveDate());
    if (effective.isBefore(today)) {
      return refused(
          RefusalCode.EFFECTIVE_DATE_PASSED,
          "rule set "
              + proposed.version()
              + " cannot take effect on "
              + effective
              + ", before "
              + today);
    }
    if (latest.effectiveDate() != null
        && effective.isBefore(LocalDate.parse(latest.effectiveDate()))) {
      return refused(
          RefusalCode.INVALID_ARGUMENT,
          "rule set "
              + proposed.version()
              + " cannot take effect before rule set "
              + latest.version()
              + " does ("
              + latest.effectiveDate()
              + ")");
    }
    return Optional.empty();
  }

  /**
   * Why {@code cosigner} (signing as {@code cosignerId}) cannot co-sign {@code proposal} on {@code
   * today}, or empty. The role is checked apart ({@link #mayCosign}).
   */
  public static Optional<Decision.Rejected> cosignatureRefusal(
      RuleSet proposal, String cosignerId, LocalDate today) {
    if (cosignerId == null || cosignerId.equals(proposal.proposedBy())) {
      return refused(
          RefusalCode.FOUR_EYES_REQUIRED,
          "rule set "
              + proposal.version()
              + " must be co-signed by someone other than its proposer");
    }
    if (LocalDate.parse(proposal.effectiveDate()).isBefore(today)) {
      return refused(
          RefusalCode.EFFECTIVE_DATE_PASSED,
          "rule set "
              + proposal.version()
              + " was to take effect on "
              + proposal.effectiveDate()
              + ", before "
              + today
              + ": ECTA must propose it again with a new date");
    }
    return Optional.empty();
  }

  /**
   * The rule set in force on {@code day}: the newest co-signed version ({@code latest}) that has
   * taken effect, looking further back ({@code version}) past those that have not. Effective dates
   * never fall from one version to the next, so the first found is the one; the first rule set is
   * in force from the ledger's start.
   */
  public static RuleSet inForce(RuleSet latest, IntFunction<RuleSet> version, LocalDate day) {
    RuleSet rules = latest;
    while (rules.version() > 1 && !rules.effectiveOn(day)) {
      rules = version.apply(rules.version() - 1);
    }
    return rules;
  }

  private static Optional<Decision.Rejected> refused(RefusalCode code, String reason) {
    return Optional.of(new Decision.Rejected(code, reason));
  }
}
