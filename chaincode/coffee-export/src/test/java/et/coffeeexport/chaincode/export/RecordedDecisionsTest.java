package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.testing.TestIdentity;
import et.coffeeexport.domain.DecisionEntry;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Role;
import et.coffeeexport.domain.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the ledger records about each decision and what later decisions read back from it: the
 * trail's stage, time and reasons, the history of versions, the shipment's lateness, the grade the
 * price floor is checked against, who may read the terms.
 */
class RecordedDecisionsTest {
  private final ExportWorld world = new ExportWorld();

  @Test
  void theTrailNamesTheStageTimeAndReasonsOfEveryDecision() {
    Instant filedAt = world.ledger.time();
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-TR", ExportWorld.request()));
    DecisionEntry filing = world.lastDecision("EXP-TR");
    assertThat(filing.action()).isEqualTo("SUBMIT");
    assertThat(filing.stage()).isEqualTo(Stage.SUBMISSION);
    assertThat(filing.from()).isNull();
    assertThat(filing.to()).isEqualTo(ExportStatus.SUBMITTED);
    assertThat(filing.at()).isEqualTo(filedAt.toString());
    ExportSnapshot filed = world.read("EXP-TR");
    assertThat(filed.createdAt()).isEqualTo(filedAt.toString());
    assertThat(filed.updatedAt()).isEqualTo(filedAt.toString());

    Instant returnedAt = world.ledger.time();
    world.take("EXP-TR", ExportAction.RETURN_FOR_AMENDMENT, world.officer(COMMERCIAL_BANK));
    DecisionEntry returned = world.lastDecision("EXP-TR");
    assertThat(returned.action()).isEqualTo("RETURN_FOR_AMENDMENT");
    assertThat(returned.stage()).isEqualTo(Stage.BANK_INTAKE);
    assertThat(returned.from()).isEqualTo(ExportStatus.SUBMITTED);
    assertThat(returned.to()).isEqualTo(ExportStatus.RETURNED_FOR_AMENDMENT);
    assertThat(returned.reasons()).containsExactly("price clause unclear");
    assertThat(returned.role()).isEqualTo(Role.OFFICER);
    assertThat(returned.at()).isEqualTo(returnedAt.toString());
    assertThat(world.read("EXP-TR").updatedAt()).isEqualTo(returnedAt.toString());
    assertThat(world.read("EXP-TR").createdAt()).isEqualTo(filedAt.toString());
  }

  @Test
  void anOverdueMarkingIsRecordedInTheTrailWithTheDeadlineItFound() {
    world.exportAt("EXP-TO", ExportStatus.SHIPPED);
    String due = world.read("EXP-TO").fact(ExportFacts.REPATRIATION_DUE);
    int before = world.history("EXP-TO").decisions().size();
    world.take("EXP-TO", ExportAction.MARK_REPATRIATION_OVERDUE, world.officer(NATIONAL_BANK));
    List<DecisionEntry> trail = world.history("EXP-TO").decisions();
    assertThat(trail).hasSize(before + 1);
    DecisionEntry marking = trail.get(before);
    assertThat(marking.action()).isEqualTo("MARK_REPATRIATION_OVERDUE");
    assertThat(marking.organisation()).isEqualTo("NationalBankMSP");
    assertThat(marking.from()).isEqualTo(ExportStatus.SHIPPED);
    assertThat(marking.to()).isEqualTo(ExportStatus.SHIPPED);
    assertThat(marking.reasons()).containsExactly("repatriation due " + due);
    assertThat(marking.details()).isEqualTo(Map.of(ExportFacts.REPATRIATION_OVERDUE, "true"));
    assertThat(marking.sequence()).isEqualTo(world.read("EXP-TO").decisions());
  }

  @Test
  void theHistoryHoldsEveryCommittedVersionNewestFirst() {
    world.exportAt("EXP-HI", ExportStatus.ECTA_APPROVED);
    ExportQueryContract.History history = world.history("EXP-HI");
    assertThat(history.exportId()).isEqualTo("EXP-HI");
    assertThat(history.versions())
        .extracting(v -> v.value().status())
        .containsExactly(
            ExportStatus.ECTA_APPROVED, ExportStatus.BANK_VERIFIED, ExportStatus.SUBMITTED);
    assertThat(history.versions()).noneMatch(ExportQueryContract.Version::deleted);
    assertThat(history.versions().get(0).value()).isEqualTo(world.read("EXP-HI"));
    assertThat(history.versions())
        .extracting(ExportQueryContract.Version::txId)
        .doesNotHaveDuplicates();
  }

  @Test
  void aBillOfLadingDatedAfterTheShipmentDeadlineMarksTheExportShippedLate() {
    world.exportAt("EXP-ON", ExportStatus.SHIPPED);
    assertThat(world.read("EXP-ON").fact(ExportFacts.SHIPPED_LATE)).isEqualTo("false");

    world.exportAt("EXP-LT", ExportStatus.SHIPMENT_BOOKED);
    LocalDate due = LocalDate.parse(world.read("EXP-LT").fact(ExportFacts.SHIPMENT_DUE));
    world.ledger.setTime(due.plusDays(2).atTime(9, 0).toInstant(ZoneOffset.UTC));
    world.take("EXP-LT", ExportAction.SHIP, world.officer(SHIPPING_LINE));
    ExportSnapshot late = world.read("EXP-LT");
    assertThat(late.fact(ExportFacts.BILL_OF_LADING_DATE)).isEqualTo(due.plusDays(2).toString());
    assertThat(late.fact(ExportFacts.SHIPPED_LATE)).isEqualTo("true");
  }

  @Test
  void foreignExchangeChecksThePriceAgainstTheFloorOfTheCertifiedGrade() {
    // ECX certifies G1 (93 points) where the contract declared G2; G1's floor is above the price.
    world.ledger.submit(
        world.officer(ECTA),
        ctx ->
            world.rules.proposePriceFloor(
                ctx,
                "{\"grade\":\"G1\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-01-01\",\"minPricePerLbUsd\":4.00,\"cosigned\":false}"));
    world.ledger.submit(
        world.officer(NATIONAL_BANK),
        ctx -> world.rules.cosignPriceFloor(ctx, "G1", "SIDAMA", "WASHED", "2026-01-01"));
    world.exportAt("EXP-FG", ExportStatus.ECTA_APPROVED);
    world.ledger.submit(
        world.officer(ECX),
        ctx ->
            world.exports.certifyQuality(
                ctx,
                "EXP-FG",
                "{\"lotReference\":\"LOT-78\",\"physicalScore\":38,\"cupScore\":55,\"moisturePercent\":10.5,\"defectsPer300g\":2,\"screenSize\":16}"));
    assertThat(world.read("EXP-FG").fact(ExportFacts.GRADE)).isEqualTo("G1");
    world.refused(
        "PRICE_BELOW_MINIMUM",
        () ->
            world.take(
                "EXP-FG", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK)));
  }

  @Test
  void ectaRefusesAContractForWhichNoMinimumPriceIsInForce() {
    String guji = ExportWorld.request().replace("\"SIDAMA\"", "\"GUJI\"");
    world.exportAt("EXP-NF", ExportStatus.BANK_VERIFIED, guji);
    // Proposed but not co-signed: not in force.
    world.ledger.submit(
        world.officer(ECTA),
        ctx ->
            world.rules.proposePriceFloor(
                ctx,
                "{\"grade\":\"G2\",\"origin\":\"GUJI\",\"process\":\"WASHED\",\"effectiveDate\":\"2026-01-01\",\"minPricePerLbUsd\":3.00,\"cosigned\":false}"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> world.take("EXP-NF", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA)))
        .hasMessage(
            "PRECONDITION_FAILED: no co-signed minimum price for G2/GUJI/WASHED on 2026-11-20");
    world.refused(
        "PRECONDITION_FAILED",
        () -> world.take("EXP-NF", ExportAction.APPROVE_COMPLIANCE, world.officer(ECTA)));
  }

  @Test
  void theExporterReadsItsOwnTermsButNoOtherExporterDoes() {
    world.create("EXP-OT");
    assertThat(
            world.ledger.<String>evaluate(
                world.exporter(), ctx -> world.queries.readTerms(ctx, "EXP-OT")))
        .contains("\"buyerId\":\"BUYER-HAMBURG-1\"");
    TestIdentity another =
        TestIdentity.person(
            "CommercialBankMSP", "exporter", "exporter-2", Map.of("exporterId", "EXPORTER-2"));
    world.refused(
        "FORBIDDEN",
        () -> world.ledger.evaluate(another, ctx -> world.queries.readTerms(ctx, "EXP-OT")));
    world.refused(
        "FORBIDDEN",
        () ->
            world.ledger.evaluate(
                another,
                ctx -> world.queries.verifyTerms(ctx, "EXP-OT", "{\"pricePerLbUsd\":3.45}")));
  }
}
