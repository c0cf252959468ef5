package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.chaincode.support.Msp;
import et.coffeeexport.chaincode.testing.TestIdentity;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.RuleSetProposal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rule set changes only as ECTA proposes and a National Bank supervisor, someone else, co-signs
 * exactly that proposal; it is in force from its effective date for what is filed from then on, and
 * exports keep the version they were filed under. Every refusal has its stable code and writes
 * nothing.
 */
class RuleSetChangeTest {
  private final ExportWorld world = new ExportWorld();

  private String next() {
    return ExportWorld.effective(ExportWorld.rules(2), world.today());
  }

  private int versionInForce() {
    return CanonicalJson.fromBytes(
            world
                .ledger
                .evaluate(world.officer(ECX), ctx -> world.rules.readRuleSet(ctx))
                .getBytes(StandardCharsets.UTF_8),
            RuleSet.class)
        .version();
  }

  private void proposeRefused(String code, String ruleSetJson) {
    world.refused(
        code,
        () ->
            world.ledger.submit(
                world.officer(ECTA), ctx -> world.rules.proposeRuleSet(ctx, ruleSetJson)));
  }

  private void cosignRefused(String code, TestIdentity by, String version, String hash) {
    world.refused(
        code, () -> world.ledger.submit(by, ctx -> world.rules.cosignRuleSet(ctx, version, hash)));
  }

  @Test
  void ectaAloneCannotPutARuleSetInForce() {
    RuleSetProposal proposal = world.propose(next());
    assertThat(proposal.rules().cosignedBy()).isNull();
    assertThat(versionInForce()).as("a proposal is never in force by itself").isEqualTo(1);
    world.create("EXP-P");
    assertThat(world.read("EXP-P").ruleVersion()).isEqualTo(1);
    for (TestIdentity ecta : new TestIdentity[] {world.officer(ECTA), world.supervisor(ECTA)}) {
      cosignRefused("FORBIDDEN", ecta, "2", proposal.hash());
    }
    world.refused(
        "ALREADY_EXISTS",
        () ->
            world.ledger.submit(
                TestIdentity.admin("EctaMSP"),
                ctx -> world.rules.publishRuleSet(ctx, ExportWorld.rules(2))));
  }

  @Test
  void onlyANationalBankSupervisorCoSigns() {
    RuleSetProposal proposal = world.propose(next());
    cosignRefused("FORBIDDEN", world.officer(NATIONAL_BANK), "2", proposal.hash());
    cosignRefused("FORBIDDEN", world.supervisor(ECX), "2", proposal.hash());
    world.cosign(proposal);
    assertThat(versionInForce()).isEqualTo(2);
  }

  @Test
  void theCoSignerMustBeSomeoneOtherThanTheProposer() {
    RuleSetProposal proposal = world.propose(next());
    // The ECTA officer's Keycloak user also holding a National Bank supervisor's identity.
    world.activeOfficers.add(Msp.of(NATIONAL_BANK) + "/ecta-officer");
    TestIdentity samePerson =
        TestIdentity.person(Msp.of(NATIONAL_BANK), "supervisor", "ecta-officer", Map.of());
    cosignRefused("FOUR_EYES_REQUIRED", samePerson, "2", proposal.hash());
  }

  @Test
  void anUnregisteredSupervisorCannotCoSign() {
    RuleSetProposal proposal = world.propose(next());
    TestIdentity stranger =
        TestIdentity.person(Msp.of(NATIONAL_BANK), "supervisor", "nbe-stranger", Map.of());
    cosignRefused("OFFICER_NOT_ACTIVE", stranger, "2", proposal.hash());
  }

  @Test
  void theCoSignatureSignsExactlyTheProposalItNames() {
    RuleSetProposal first = world.propose(next());
    cosignRefused("PROPOSAL_CHANGED", world.supervisor(NATIONAL_BANK), "2", "0".repeat(64));
    // Sent back and proposed again: the first hash no longer names what is on the ledger.
    RuleSetProposal revised =
        world.propose(next().replace("\"maxAmendmentRounds\":2", "\"maxAmendmentRounds\":3"));
    assertThat(revised.hash()).isNotEqualTo(first.hash());
    cosignRefused("PROPOSAL_CHANGED", world.supervisor(NATIONAL_BANK), "2", first.hash());
    String cosigned = world.cosign(revised);
    assertThat(cosigned).contains("\"maxAmendmentRounds\":3");
  }

  private void withdrawRefused(String code, TestIdentity by, String version, String hash) {
    world.refused(
        code,
        () ->
            world.ledger.submit(
                by, ctx -> world.rules.withdrawRuleSetProposal(ctx, version, hash)));
  }

  @Test
  void aProposalEctaWithdrewCanNoLongerBeCoSigned() {
    RuleSetProposal proposal = world.propose(next());
    withdrawRefused("FORBIDDEN", world.supervisor(NATIONAL_BANK), "2", proposal.hash());
    withdrawRefused("FORBIDDEN", world.exporter(), "2", proposal.hash());
    withdrawRefused("PROPOSAL_CHANGED", world.officer(ECTA), "2", "0".repeat(64));
    withdrawRefused("NOT_FOUND", world.officer(ECTA), "3", proposal.hash());
    String withdrawn =
        world.ledger.submit(
            world.supervisor(ECTA),
            ctx -> world.rules.withdrawRuleSetProposal(ctx, "2", proposal.hash()));
    assertThat(
            CanonicalJson.fromBytes(
                withdrawn.getBytes(StandardCharsets.UTF_8), RuleSetProposal.class))
        .as("the answer is what was withdrawn")
        .isEqualTo(proposal);
    assertThat(world.ledger.lastEventName()).isEqualTo("RuleSetProposalWithdrawn");
    cosignRefused("NOT_FOUND", world.supervisor(NATIONAL_BANK), "2", proposal.hash());
    withdrawRefused("NOT_FOUND", world.officer(ECTA), "2", proposal.hash());
    assertThat(versionInForce()).isEqualTo(1);
    // The version is free again: a new proposal of it goes the whole way, and then stays.
    RuleSetProposal again = world.propose(next());
    world.cosign(again);
    assertThat(versionInForce()).isEqualTo(2);
    withdrawRefused("ALREADY_EXISTS", world.officer(ECTA), "2", again.hash());
  }

  @Test
  void aCoSignedVersionCannotBeCoSignedAgainNorAMissingOne() {
    RuleSetProposal proposal = world.propose(next());
    cosignRefused("NOT_FOUND", world.supervisor(NATIONAL_BANK), "3", proposal.hash());
    cosignRefused("INVALID_ARGUMENT", world.supervisor(NATIONAL_BANK), "two", proposal.hash());
    world.cosign(proposal);
    cosignRefused("ALREADY_EXISTS", world.supervisor(NATIONAL_BANK), "2", proposal.hash());
    cosignRefused("ALREADY_EXISTS", world.supervisor(NATIONAL_BANK), "1", proposal.hash());
  }

  @Test
  void aProposalMustBeTheNextVersionAndValid() {
    proposeRefused("INVALID_ARGUMENT", ExportWorld.effective(ExportWorld.rules(1), world.today()));
    proposeRefused("INVALID_ARGUMENT", ExportWorld.rules(2));
    proposeRefused(
        "INVALID_ARGUMENT",
        next().replace("\"fourEyesThresholdUsd\":1000000", "\"fourEyesThresholdUsd\":0"));
    world.refused(
        "FORBIDDEN",
        () ->
            world.ledger.submit(world.exporter(), ctx -> world.rules.proposeRuleSet(ctx, next())));
  }

  @Test
  void aRuleSetNeverTakesEffectInThePast() {
    proposeRefused(
        "EFFECTIVE_DATE_PASSED",
        ExportWorld.effective(ExportWorld.rules(2), world.today().minusDays(1)));
    RuleSetProposal proposal = world.propose(next());
    // National Bank co-signs only the next day: the effective date has passed by then.
    world.ledger.setTime(world.ledger.time().plus(Duration.ofDays(1)));
    cosignRefused("EFFECTIVE_DATE_PASSED", world.supervisor(NATIONAL_BANK), "2", proposal.hash());
  }

  @Test
  void aRuleSetCannotTakeEffectBeforeTheOneBeforeIt() {
    world.cosign(
        world.propose(ExportWorld.effective(ExportWorld.rules(2), world.today().plusDays(30))));
    proposeRefused(
        "INVALID_ARGUMENT",
        ExportWorld.effective(ExportWorld.rules(3), world.today().plusDays(10)));
  }

  @Test
  void aCoSignedRuleSetIsInForceFromItsEffectiveDateAndExportsKeepTheirs() {
    // Version 2 lowers the four-eyes threshold below the standard filing's value, from tomorrow.
    world.cosign(
        world.propose(
            ExportWorld.effective(
                ExportWorld.rules(2)
                    .replace("\"fourEyesThresholdUsd\":1000000", "\"fourEyesThresholdUsd\":1000"),
                world.today().plusDays(1))));
    assertThat(versionInForce()).as("not before its effective date").isEqualTo(1);
    world.exportAt("EXP-OLD", ExportStatus.QUALITY_CERTIFIED);
    assertThat(world.read("EXP-OLD").ruleVersion()).isEqualTo(1);

    world.ledger.setTime(world.ledger.time().plus(Duration.ofDays(1)));
    assertThat(versionInForce()).isEqualTo(2);
    world.exportAt("EXP-NEW", ExportStatus.QUALITY_CERTIFIED);
    assertThat(world.read("EXP-NEW").ruleVersion()).isEqualTo(2);

    world.take("EXP-OLD", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastEventName())
        .as("filed under version 1, it keeps version 1's threshold")
        .isEqualTo("ExportForeignExchangeApproved");
    assertThat(world.lastDecision("EXP-OLD").ruleApplied()).startsWith("ruleset:1");
    world.take("EXP-NEW", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportForeignExchangeRecommended");
    assertThat(world.lastDecision("EXP-NEW").ruleApplied()).startsWith("ruleset:2");
  }

  @Test
  void theFirstRuleSetIsPublishedOnceByEctasAdministrator() {
    world.refused(
        "ALREADY_EXISTS",
        () ->
            world.ledger.submit(
                TestIdentity.admin("EctaMSP"),
                ctx -> world.rules.publishRuleSet(ctx, ExportWorld.RULES)));
    var fresh = new et.coffeeexport.chaincode.testing.InMemoryLedger();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                fresh.submit(
                    world.supervisor(ECTA),
                    ctx -> world.rules.publishRuleSet(ctx, ExportWorld.RULES)))
        .hasMessageStartingWith("FORBIDDEN: ");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                fresh.submit(
                    TestIdentity.admin("EctaMSP"),
                    ctx -> world.rules.publishRuleSet(ctx, ExportWorld.rules(2))))
        .hasMessage("INVALID_ARGUMENT: the first rule set is version 1");
    assertThat(fresh.keys()).isEmpty();
  }
}
