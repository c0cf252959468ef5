package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.Msp;
import et.coffeeexport.chaincode.testing.TestIdentity;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Organisation;
import et.coffeeexport.domain.Role;
import org.junit.jupiter.api.Test;

/**
 * Every decision an officer takes outside the lifecycle table (anchoring a document, proposing or
 * co-signing a minimum price, recommending foreign exchange) needs the officer registered active,
 * and the registry's own refusals keep their code.
 */
class RegistryChecksTest {
  private final ExportWorld world = new ExportWorld();

  private TestIdentity noLongerActive(Organisation organisation, Role role) {
    TestIdentity person = world.person(organisation, role);
    world.activeOfficers.remove(Msp.of(organisation) + "/" + person.enrollmentId());
    return person;
  }

  private static String floor(String grade) {
    return "{\"grade\":\""
        + grade
        + "\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"effectiveDate\":\"2026-11-01\",\"minPricePerLbUsd\":3.40,\"cosigned\":false}";
  }

  @Test
  void refusesAnAnchorByAnIssuingOfficerNoLongerActive() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-CA", ExportWorld.request()));
    TestIdentity ecx = noLongerActive(ECX, Role.OFFICER);
    world.refused("OFFICER_NOT_ACTIVE", () -> world.anchor("EXP-CA", "QUALITY_CERTIFICATE", ecx));
  }

  @Test
  void refusesMinimumPricesFromOfficersNoLongerActive() {
    TestIdentity ecta = noLongerActive(ECTA, Role.OFFICER);
    world.refused(
        "OFFICER_NOT_ACTIVE",
        () -> world.ledger.submit(ecta, ctx -> world.rules.proposePriceFloor(ctx, floor("G1"))));
    world.ledger.submit(
        world.supervisor(ECTA), ctx -> world.rules.proposePriceFloor(ctx, floor("G1")));
    TestIdentity nbe = noLongerActive(NATIONAL_BANK, Role.OFFICER);
    world.refused(
        "OFFICER_NOT_ACTIVE",
        () ->
            world.ledger.submit(
                nbe,
                ctx -> world.rules.cosignPriceFloor(ctx, "G1", "GUJI", "NATURAL", "2026-11-01")));
  }

  @Test
  void ectaSupervisorsProposeMinimumPricesButNoOtherEctaRoleDoes() {
    String proposed =
        world.ledger.submit(
            world.supervisor(ECTA), ctx -> world.rules.proposePriceFloor(ctx, floor("G1")));
    assertThat(proposed).contains("\"cosigned\":false");
    TestIdentity exporterOfEcta = world.person(ECTA, Role.EXPORTER);
    world.refused(
        "FORBIDDEN",
        () ->
            world.ledger.submit(
                exporterOfEcta, ctx -> world.rules.proposePriceFloor(ctx, floor("G3"))));
    TestIdentity exporterOfNbe = world.person(NATIONAL_BANK, Role.EXPORTER);
    world.refused(
        "FORBIDDEN",
        () ->
            world.ledger.submit(
                exporterOfNbe,
                ctx -> world.rules.cosignPriceFloor(ctx, "G1", "GUJI", "NATURAL", "2026-11-01")));
  }

  @Test
  void refusesAFourEyesRecommendationByAnOfficerNoLongerActive() {
    world.exportAt(
        "EXP-C4",
        ExportStatus.QUALITY_CERTIFIED,
        ExportWorld.request(300_000, "2026-11-20T08:00:00Z"));
    TestIdentity nbe = noLongerActive(NATIONAL_BANK, Role.OFFICER);
    world.refused(
        "OFFICER_NOT_ACTIVE",
        () -> world.take("EXP-C4", ExportAction.APPROVE_FOREIGN_EXCHANGE, nbe));
  }

  @Test
  void refusesToRecommendForeignExchangeForABlacklistedBuyer() {
    world.exportAt(
        "EXP-CB",
        ExportStatus.QUALITY_CERTIFIED,
        ExportWorld.request(300_000, "2026-11-20T08:00:00Z"));
    world.blacklistedBuyers.add("BUYER-HAMBURG-1");
    world.refused(
        "BUYER_BLACKLISTED",
        () ->
            world.take(
                "EXP-CB", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK)));
    assertThat(world.read("EXP-CB").fact(ExportFacts.FX_RECOMMENDED_BY)).isNull();
  }

  @Test
  void theRegistrysRefusalToRecordOverdueProceedsRefusesTheMarkingWithTheRegistrysCode() {
    world.exportAt("EXP-CO", ExportStatus.SHIPPED);
    var nbe = world.officer(NATIONAL_BANK);
    String[][] answers = {
      {
        "OFFICER_NOT_ACTIVE: officer national_bank-officer of NationalBankMSP is not registered active",
        "OFFICER_NOT_ACTIVE"
      },
      {"NOT_FOUND: exporter EXPORTER-1 is not registered", "NOT_FOUND"},
      {"registry busy: try again", "PRECONDITION_FAILED"},
      {"the registry did not answer", "PRECONDITION_FAILED"}
    };
    for (String[] answer : answers) {
      world.overdueRefusal = answer[0];
      world.refused(
          answer[1], () -> world.take("EXP-CO", ExportAction.MARK_REPATRIATION_OVERDUE, nbe));
    }
    assertThat(world.overdueRecorded).isEmpty();
    assertThat(world.read("EXP-CO").fact(ExportFacts.REPATRIATION_OVERDUE)).isNull();
  }
}
