package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.EndorsementPolicies;
import et.coffeeexport.chaincode.testing.InMemoryLedger;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * Each key kind gets exactly the key-level policy chaincode/README.md gives it, written when the
 * key is: a key without one falls back to the chaincode's two-of-six and so could be rewritten by
 * any two members.
 */
class PolicyWritesTest {
  private final ExportWorld world = new ExportWorld();

  private static String key(String... parts) {
    return "\u0000" + String.join("\u0000", parts) + "\u0000";
  }

  /** The one committed key under {@code parts} (trail entries and anchors end with a tx id). */
  private String onlyKeyUnder(String... parts) {
    String prefix = key(parts);
    var keys = world.ledger.keys().stream().filter(k -> k.startsWith(prefix)).toList();
    assertThat(keys).as("keys under %s", prefix.replace('\u0000', '/')).hasSize(1);
    return keys.get(0);
  }

  @Test
  void everyEntryOfTheDecisionTrailNeedsAllSixToChange() {
    world.exportAt("EXP-PT", ExportStatus.FX_APPROVED);
    int decisions = world.read("EXP-PT").decisions();
    assertThat(decisions).isEqualTo(5);
    for (int sequence = 1; sequence <= decisions; sequence++) {
      String entry = onlyKeyUnder(Keys.DECISION, "EXP-PT", String.format("%06d", sequence));
      assertThat(world.ledger.policyOf(entry))
          .as("decision %d", sequence)
          .isEqualTo(EndorsementPolicies.everyMember());
    }
  }

  @Test
  void theDecisionRecordOfAnOverdueMarkingNeedsAllSixToChange() {
    world.exportAt("EXP-PO", ExportStatus.SHIPPED);
    world.take("EXP-PO", ExportAction.MARK_REPATRIATION_OVERDUE, world.officer(NATIONAL_BANK));
    int decisions = world.read("EXP-PO").decisions();
    String entry = onlyKeyUnder(Keys.DECISION, "EXP-PO", String.format("%06d", decisions));
    assertThat(world.ledger.policyOf(entry)).isEqualTo(EndorsementPolicies.everyMember());
  }

  @Test
  void everyDocumentAnchorNeedsAllSixToChange() {
    world.create("EXP-PD");
    for (String type : new String[] {"SALES_CONTRACT", "QUALITY_CERTIFICATE", "BILL_OF_LADING"}) {
      String anchor = onlyKeyUnder(Keys.DOCUMENT, "EXP-PD", type, "0001");
      assertThat(world.ledger.policyOf(anchor))
          .as(type)
          .isEqualTo(EndorsementPolicies.everyMember());
    }
  }

  @Test
  void anExportPermitNeedsNationalBankAndCustomsToChange() {
    world.exportAt("EXP-PP", ExportStatus.FX_APPROVED);
    String permit = key(Keys.PERMIT, world.read("EXP-PP").fact("exportPermitNumber"));
    assertThat(world.ledger.keys()).contains(permit);
    assertThat(world.ledger.policyOf(permit))
        .isEqualTo(EndorsementPolicies.allPeersOf(EnumSet.of(NATIONAL_BANK, CUSTOM_AUTHORITIES)));
  }

  @Test
  void filingCreatesTheOversightKeySoThatItsPolicyHoldsFromTheStart() {
    world.create("EXP-PV");
    String oversight = key(Keys.OVERSIGHT, "EXP-PV");
    // Fabric keeps a key-level policy only with a key that exists.
    assertThat(world.ledger.keys()).contains(oversight);
    assertThat(world.ledger.policyOf(oversight))
        .isEqualTo(
            EndorsementPolicies.entitledWithWitness(ExportLifecycle.organisationsOverseeing()));
  }

  @Test
  void aStatusChangeMovesTheExportFromOneStatusIndexToTheNext() {
    world.create("EXP-PS");
    String submitted = key(Keys.BY_STATUS, "SUBMITTED", "EXP-PS");
    String verified = key(Keys.BY_STATUS, "BANK_VERIFIED", "EXP-PS");
    assertThat(world.ledger.keys()).contains(submitted).doesNotContain(verified);
    world.take("EXP-PS", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK));
    assertThat(world.ledger.keys()).contains(verified).doesNotContain(submitted);
    var anyone = world.officer(ECX);
    assertThat(
            world.ledger.<String>evaluate(
                anyone, ctx -> world.queries.queryByStatus(ctx, "SUBMITTED", 10, "")))
        .contains("\"count\":0");
    assertThat(
            world.ledger.<String>evaluate(
                anyone, ctx -> world.queries.queryByStatus(ctx, "BANK_VERIFIED", 10, "")))
        .contains("\"count\":1", "\"exportId\":\"EXP-PS\"");
  }

  @Test
  void everyRuleSetVersionTheLatestAndEveryProposalNeedEctaAndNationalBank() {
    byte[] directive = EndorsementPolicies.allPeersOf(EnumSet.of(ECTA, NATIONAL_BANK));
    assertThat(world.ledger.policyOf(key(Keys.RULE_SET, "000001"))).isEqualTo(directive);
    assertThat(world.ledger.policyOf(key(Keys.RULE_SET, "current"))).isEqualTo(directive);
    world.propose(ExportWorld.effective(ExportWorld.rules(2), world.today()));
    assertThat(world.ledger.policyOf(key(Keys.RULE_SET_PROPOSAL, "000002")))
        .as("from the proposal on")
        .isEqualTo(directive);
    assertThat(world.ledger.policyOf(key(Keys.RULE_SET, "000002"))).isNull();
    world.ruleSetInForce(
        ExportWorld.rules(2).replace("\"maxAmendmentRounds\":2", "\"maxAmendmentRounds\":3"));
    assertThat(world.ledger.policyOf(key(Keys.RULE_SET, "000002"))).isEqualTo(directive);
  }

  @Test
  void coSigningStatesTheMinimumPricesPolicyEvenWhereTheProposalLeftNone() {
    world.ledger.submit(
        world.officer(ECTA),
        ctx ->
            world.rules.proposePriceFloor(
                ctx,
                "{\"grade\":\"G3\",\"origin\":\"LIMU\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-10-01\",\"minPricePerLbUsd\":2.80,\"cosigned\":false}"));
    String floor = key(Keys.FLOOR, "G3", "LIMU", "WASHED", "2026-10-01");
    byte[] directive = EndorsementPolicies.allPeersOf(EnumSet.of(ECTA, NATIONAL_BANK));
    assertThat(world.ledger.policyOf(floor)).isEqualTo(directive);
    // A proposal recorded before key-level policies existed (an earlier chaincode version): the
    // co-signature, which puts the price in force, gives it its policy.
    InMemoryLedger.Snapshot legacy = world.ledger.snapshot();
    legacy.policies().remove(floor);
    world.ledger.restore(legacy);
    assertThat(world.ledger.policyOf(floor)).isNull();
    world.ledger.submit(
        world.officer(NATIONAL_BANK),
        ctx -> world.rules.cosignPriceFloor(ctx, "G3", "LIMU", "WASHED", "2026-10-01"));
    assertThat(world.ledger.policyOf(floor)).isEqualTo(directive);
  }

  @Test
  void theFirstRuleSetCreatesEveryOrganisationsSealWithItsOwnPeersPolicy() {
    for (var organisation : et.coffeeexport.domain.Organisation.values()) {
      String seal = key(Keys.SEAL, organisation.name());
      // A peer keeps a key's policy only while the key exists: the seal is created, not only
      // given a policy.
      assertThat(world.ledger.keys()).as(organisation.name()).contains(seal);
      assertThat(world.ledger.policyOf(seal))
          .as(organisation.name())
          .isEqualTo(EndorsementPolicies.ownPeer(organisation));
    }
    world.ruleSetInForce(ExportWorld.rules(2));
    assertThat(world.ledger.lastWriteSet().keySet())
        .as("later rule sets leave the seals alone")
        .noneMatch(k -> k.startsWith("\u0000" + Keys.SEAL + "\u0000"));
  }

  @Test
  void likeAPeerTheTestLedgerKeepsNoPolicyForAKeyThatDoesNotExist() {
    String nowhere = key("nowhere", "1");
    world.ledger.submit(
        world.officer(ECTA),
        ctx -> {
          ctx.getStub().setStateValidationParameter(nowhere, EndorsementPolicies.everyMember());
          return null;
        });
    assertThat(world.ledger.policyOf(nowhere)).isNull();
  }
}
