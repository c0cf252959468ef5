package et.coffeeexport.chaincode.export;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.Msp;
import et.coffeeexport.chaincode.testing.EndorsementCheck;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.Organisation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endorsement design, checked the way a peer validates: with the chaincode definition's policy
 * (two organisations) and every key-level policy the contracts set, no transaction of an export's
 * life validates with one organisation's endorsement, each validates with the acting organisation
 * and one witness, and no key the ledger holds can be changed by one organisation alone. A member
 * running a modified chaincode can produce any write set, so this is what stands between it and a
 * forgery; the integration test {@code ByzantineMemberIT} tries the forgeries on the real network.
 */
class NoMemberAloneTest {
  static final List<String> MEMBERS = Arrays.stream(Organisation.values()).map(Msp::of).toList();
  static final byte[] CHAINCODE_POLICY = EndorsementCheck.outOf(2, MEMBERS);
  static final byte[] TERMS_POLICY =
      EndorsementCheck.outOf(2, List.of("CommercialBankMSP", "NationalBankMSP", "EctaMSP"));

  private ExportWorld world;

  @BeforeEach
  void aLedgerValidatingLikeAPeer() {
    world = new ExportWorld();
    world
        .ledger
        .withChaincodePolicy(CHAINCODE_POLICY)
        .withCollectionPolicy(Keys.TERMS_COLLECTION, TERMS_POLICY);
  }

  @Test
  void everyStepOfAnExportNeedsItsOrganisationAndAWitness() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-B", ExportWorld.request()));
    validatesOnlyWithAWitness("filing", Organisation.COMMERCIAL_BANK);
    world.anchor("EXP-B", "SALES_CONTRACT", world.exporter());
    validatesOnlyWithAWitness("anchoring the sales contract", Organisation.COMMERCIAL_BANK);
    world.anchor("EXP-B", "QUALITY_CERTIFICATE", world.officer(Organisation.ECX));
    validatesOnlyWithAWitness("anchoring the quality certificate", Organisation.ECX);
    world.anchor("EXP-B", "BILL_OF_LADING", world.officer(Organisation.SHIPPING_LINE));
    for (ExportWorld.Step step : ExportWorld.HAPPY_PATH) {
      world.take("EXP-B", step.action(), world.officer(step.by()));
      validatesOnlyWithAWitness(step.action().name(), step.by());
    }
  }

  @Test
  void anExtendedShipmentDeadlineNeedsEctaAndAWitnessButNotTheShippingLine() {
    world.exportAt("EXP-E", et.coffeeexport.domain.ExportStatus.SHIPMENT_BOOKED);
    world.take("EXP-E", ExportAction.EXTEND_SHIPMENT_DEADLINE, world.officer(Organisation.ECTA));
    validatesOnlyWithAWitness("extending the shipment deadline", Organisation.ECTA);
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("EctaMSP", "EcxMSP")))
        .as("oversight: the shipping line's peer is not needed")
        .isEmpty();
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("ShippingLineMSP", "EcxMSP")))
        .as("without ECTA's own peer")
        .isNotEmpty();
  }

  @Test
  void minimumPricesAndRuleSetsNeedEctaAndNationalBank() {
    String floor =
        "{\"grade\":\"G1\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"effectiveDate\":\"2026-11-01\",\"minPricePerLbUsd\":3.40,\"cosigned\":false}";
    world.ledger.submit(
        world.officer(Organisation.ECTA), ctx -> world.rules.proposePriceFloor(ctx, floor));
    validatesOnlyWithAWitness("proposing a minimum price", Organisation.ECTA);
    world.ledger.submit(
        world.officer(Organisation.NATIONAL_BANK),
        ctx -> world.rules.cosignPriceFloor(ctx, "G1", "GUJI", "NATURAL", "2026-11-01"));
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("NationalBankMSP", "EcxMSP")))
        .as("a co-signature with any witness but ECTA")
        .isNotEmpty();
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("NationalBankMSP", "EctaMSP")))
        .isEmpty();
    // A proposal is never in force: like a floor's, it needs ECTA and a witness, and from then on
    // both directive setters.
    world.propose(ExportWorld.effective(ExportWorld.rules(2), world.today()));
    validatesOnlyWithAWitness("proposing a rule set", Organisation.ECTA);
    var proposal = world.propose(ExportWorld.effective(ExportWorld.rules(2), world.today()));
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("EctaMSP", "EcxMSP")))
        .as("a revised rule set proposal without National Bank")
        .isNotEmpty();
    world.cosign(proposal);
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("NationalBankMSP", "EcxMSP")))
        .as("a rule set co-signature without ECTA")
        .isNotEmpty();
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("EctaMSP", "NationalBankMSP")))
        .isEmpty();
  }

  @Test
  void aMemberDeletingItsOwnSealCannotBlockTheNextRuleSet() {
    String seal = "\u0000" + Keys.SEAL + "\u0000COMMERCIAL_BANK\u0000";
    // What Commercial Bank alone may do with a modified chaincode: its seal's policy is its peer.
    world.ledger.submit(
        et.coffeeexport.chaincode.testing.TestIdentity.admin("CommercialBankMSP"),
        ctx -> {
          ctx.getStub().delState(seal);
          return null;
        });
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("CommercialBankMSP"))).isEmpty();
    world.ruleSetInForce(ExportWorld.rules(2));
    assertThat(world.ledger.lastWriteSet().keySet())
        .as("seals are made once, by the bootstrap rule set")
        .noneMatch(k -> k.startsWith("\u0000" + Keys.SEAL + "\u0000"));
    assertThat(world.ledger.lastTransactionRefusedFor(Set.of("EctaMSP", "NationalBankMSP")))
        .isEmpty();
  }

  @Test
  void noKeyOnTheLedgerCanBeChangedOrCreatedByOneOrganisation() {
    world.exportAt("EXP-K", et.coffeeexport.domain.ExportStatus.COMPLETED);
    world.exportAt("EXP-L", et.coffeeexport.domain.ExportStatus.FX_APPROVED);
    world.take("EXP-L", ExportAction.CANCEL, world.officer(Organisation.ECTA));
    int checked = 0;
    for (String key : world.ledger.keys()) {
      if (key.startsWith("\u0000" + Keys.SEAL + "\u0000")) {
        continue; // a seal holds a transaction id: its own organisation's mark, nothing to forge
      }
      for (String member : MEMBERS) {
        assertThat(world.ledger.admitsChange(key, Set.of(member)))
            .as("%s alone changes %s", member, key.replace('\u0000', '/'))
            .isFalse();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(6 * 30);
    for (String member : MEMBERS) {
      assertThat(EndorsementCheck.satisfied(CHAINCODE_POLICY, Set.of(member)))
          .as("%s alone creates a key", member)
          .isFalse();
      assertThat(EndorsementCheck.satisfied(TERMS_POLICY, Set.of(member)))
          .as("%s alone writes private terms", member)
          .isFalse();
    }
  }

  private void validatesOnlyWithAWitness(String what, Organisation acting) {
    for (String member : MEMBERS) {
      assertThat(world.ledger.lastTransactionRefusedFor(Set.of(member)))
          .as("%s endorsed by %s alone", what, member)
          .isNotEmpty();
    }
    boolean withWitness =
        MEMBERS.stream()
            .filter(m -> !m.equals(Msp.of(acting)))
            .anyMatch(
                w -> world.ledger.lastTransactionRefusedFor(Set.of(Msp.of(acting), w)).isEmpty());
    assertThat(withWitness).as("%s endorsed by %s and a witness", what, acting).isTrue();
  }
}
