package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.chaincode.support.CanonicalJson;
import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a transaction returns is what it stored, and its one event carries the same bytes: clients
 * (the workflow's ledger connector) use the answer instead of reading again.
 */
class ReturnedValuesTest {
  private final ExportWorld world = new ExportWorld();

  private String lastEvent() {
    return new String(world.ledger.lastEventPayload(), StandardCharsets.UTF_8);
  }

  /** The returned JSON is the export as stored and the payload of the step's event. */
  private void returnsTheStoredExport(String returned, String exportId, String event) {
    assertThat(returned).as(event).isEqualTo(world.readJson(exportId));
    assertThat(world.ledger.lastEventName()).isEqualTo(event);
    assertThat(lastEvent()).as(event).isEqualTo(returned);
  }

  @Test
  void everyStepOfTheLifecycleReturnsTheExportAsStored() {
    String filed = world.create("EXP-RV");
    assertThat(filed).isEqualTo(world.readJson("EXP-RV"));
    String[] events = {
      "ExportVerifiedAtBank",
      "ExportComplianceApproved",
      "ExportQualityCertified",
      "ExportForeignExchangeApproved",
      "ExportCustomsCleared",
      "ExportShipmentBooked",
      "ExportShipped",
      "ExportArrived",
      "ExportCompleted"
    };
    int i = 0;
    for (ExportWorld.Step step : ExportWorld.HAPPY_PATH) {
      if (step.action() == ExportAction.CONFIRM_ARRIVAL) {
        String milestone =
            world.take(
                "EXP-RV", ExportAction.RECORD_TRACKING_MILESTONE, world.officer(SHIPPING_LINE));
        returnsTheStoredExport(milestone, "EXP-RV", "ExportTrackingMilestoneRecorded");
      }
      String returned = world.take("EXP-RV", step.action(), world.officer(step.by()));
      returnsTheStoredExport(returned, "EXP-RV", events[i++]);
    }
    assertThat(world.read("EXP-RV").status()).isEqualTo(ExportStatus.COMPLETED);
  }

  @Test
  void returningAmendingRejectingAndCancellingReturnTheExportAsStored() {
    world.create("EXP-RA");
    var bank = world.officer(COMMERCIAL_BANK);
    returnsTheStoredExport(
        world.take("EXP-RA", ExportAction.RETURN_FOR_AMENDMENT, bank),
        "EXP-RA",
        "ExportReturnedForAmendment");
    returnsTheStoredExport(
        world.take("EXP-RA", ExportAction.AMEND, world.exporter()), "EXP-RA", "ExportAmended");
    returnsTheStoredExport(
        world.take("EXP-RA", ExportAction.REJECT, bank), "EXP-RA", "ExportRejected");

    world.create("EXP-RC");
    String cancelled = world.take("EXP-RC", ExportAction.CANCEL, world.officer(ECTA));
    returnsTheStoredExport(cancelled, "EXP-RC", "ExportCancelled");
    assertThat(world.read("EXP-RC").status()).isEqualTo(ExportStatus.CANCELLED);
  }

  @Test
  void aFourEyesRecommendationReturnsTheExportAsStored() {
    world.exportAt(
        "EXP-R4",
        ExportStatus.QUALITY_CERTIFIED,
        ExportWorld.request(300_000, "2026-11-20T08:00:00Z"));
    String recommended =
        world.take("EXP-R4", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK));
    returnsTheStoredExport(recommended, "EXP-R4", "ExportForeignExchangeRecommended");
    assertThat(world.read("EXP-R4").fact(ExportFacts.FX_RECOMMENDED_BY)).isNotNull();
    String approved =
        world.take(
            "EXP-R4",
            ExportAction.APPROVE_FOREIGN_EXCHANGE,
            world.person(NATIONAL_BANK, Role.SUPERVISOR));
    returnsTheStoredExport(approved, "EXP-R4", "ExportForeignExchangeApproved");
  }

  @Test
  void markingProceedsOverdueReturnsTheMarkedExportAndMarkingAgainReturnsItUnchanged() {
    world.exportAt("EXP-RO", ExportStatus.SHIPPED);
    var nbe = world.officer(NATIONAL_BANK);
    String marked = world.take("EXP-RO", ExportAction.MARK_REPATRIATION_OVERDUE, nbe);
    assertThat(world.ledger.lastEventName()).isEqualTo("ExportRepatriationOverdue");
    assertThat(lastEvent()).isEqualTo(marked);
    ExportSnapshot returned =
        CanonicalJson.fromBytes(marked.getBytes(StandardCharsets.UTF_8), ExportSnapshot.class);
    ExportSnapshot stored = world.read("EXP-RO");
    assertThat(returned.fact(ExportFacts.REPATRIATION_OVERDUE)).isEqualTo("true");
    assertThat(returned.facts()).isEqualTo(stored.facts());
    assertThat(returned.status()).isEqualTo(stored.status()).isEqualTo(ExportStatus.SHIPPED);
    assertThat(returned.decisions()).isEqualTo(stored.decisions());

    String again = world.take("EXP-RO", ExportAction.MARK_REPATRIATION_OVERDUE, nbe);
    assertThat(again).isEqualTo(world.readJson("EXP-RO"));
  }

  @Test
  void anAnchorReturnsTheStoredAnchorAndTheListReturnsEveryVersionInOrder() {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, "EXP-RD", ExportWorld.request()));
    String first = world.anchor("EXP-RD", "SALES_CONTRACT", world.exporter());
    assertThat(world.ledger.lastEventName()).isEqualTo("DocumentAnchored");
    assertThat(lastEvent()).isEqualTo(first);
    String second = world.anchor("EXP-RD", "SALES_CONTRACT", world.exporter());
    String certificate = world.anchor("EXP-RD", "QUALITY_CERTIFICATE", world.officer(ECX));
    String listed =
        world.ledger.evaluate(
            world.officer(CUSTOM_AUTHORITIES), ctx -> world.documents.listDocuments(ctx, "EXP-RD"));
    assertThat(listed)
        .as("by type, then version")
        .isEqualTo("[" + certificate + "," + first + "," + second + "]");
  }

  @Test
  void proposingAndCosigningARuleSetReturnWhatIsStoredAndAnnounceIt() {
    String proposed =
        world.ledger.submit(
            world.officer(ECTA),
            ctx ->
                world.rules.proposeRuleSet(
                    ctx, ExportWorld.effective(ExportWorld.rules(2), world.today())));
    assertThat(world.ledger.lastEventName()).isEqualTo("RuleSetProposed");
    assertThat(lastEvent()).isEqualTo(proposed);
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(ECX), ctx -> world.rules.readRuleSetProposal(ctx, "2")))
        .isEqualTo(proposed)
        .contains("\"proposedBy\":\"kc-ecta-officer\"", "\"cosignedBy\":null", "\"hash\":\"");
    var proposal =
        et.coffeeexport.chaincode.support.CanonicalJson.fromBytes(
            proposed.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            et.coffeeexport.domain.RuleSetProposal.class);
    String cosigned = world.cosign(proposal);
    assertThat(world.ledger.lastEventName()).isEqualTo("RuleSetCosigned");
    assertThat(lastEvent()).isEqualTo(cosigned);
    String inForce = world.ledger.evaluate(world.officer(ECX), ctx -> world.rules.readRuleSet(ctx));
    assertThat(inForce)
        .isEqualTo(cosigned)
        .contains("\"version\":2", "\"cosignedBy\":\"kc-national_bank-supervisor\"");
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(ECX), ctx -> world.rules.readRuleSetVersion(ctx, "2")))
        .isEqualTo(cosigned);
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(ECX), ctx -> world.rules.readLatestRuleSet(ctx)))
        .isEqualTo(cosigned);
  }

  @Test
  void proposingAndCosigningAMinimumPriceReturnTheStoredEntryAndAnnounceIt() {
    String proposed =
        world.ledger.submit(
            world.officer(ECTA),
            ctx ->
                world.rules.proposePriceFloor(
                    ctx,
                    "{\"grade\":\"G1\",\"origin\":\"GUJI\",\"process\":\"NATURAL\",\"effectiveDate\":\"2026-11-01\",\"minPricePerLbUsd\":3.40,\"cosigned\":true}"));
    assertThat(world.ledger.lastEventName()).isEqualTo("PriceFloorProposed");
    assertThat(lastEvent()).isEqualTo(proposed);
    assertThat(listFloors("G1", "GUJI", "NATURAL")).isEqualTo("[" + proposed + "]");
    assertThat(proposed).contains("\"cosigned\":false", "\"id\":\"G1/GUJI/NATURAL/2026-11-01\"");

    String cosigned =
        world.ledger.submit(
            world.officer(NATIONAL_BANK),
            ctx -> world.rules.cosignPriceFloor(ctx, "G1", "GUJI", "NATURAL", "2026-11-01"));
    assertThat(world.ledger.lastEventName()).isEqualTo("PriceFloorCosigned");
    assertThat(lastEvent()).isEqualTo(cosigned);
    assertThat(listFloors("G1", "GUJI", "NATURAL")).isEqualTo("[" + cosigned + "]");
    assertThat(cosigned)
        .isEqualTo(
            proposed
                .replace("\"cosigned\":false", "\"cosigned\":true")
                .replace("\"cosignedBy\":null", "\"cosignedBy\":\"kc-national_bank-officer\""));
  }

  @Test
  void theTermsReadBackAreTheTermsStoredPrivately() {
    world.create("EXP-RT");
    byte[] stored = world.ledger.privateValue(Keys.TERMS_COLLECTION, "EXP-RT");
    for (var reader :
        new et.coffeeexport.chaincode.testing.TestIdentity[] {
          world.officer(NATIONAL_BANK), world.officer(ECTA), world.exporter()
        }) {
      assertThat(
              world.ledger.<String>evaluate(reader, ctx -> world.queries.readTerms(ctx, "EXP-RT")))
          .isEqualTo(new String(stored, StandardCharsets.UTF_8))
          .contains("\"buyerId\":\"BUYER-HAMBURG-1\"");
    }
  }

  private String listFloors(String grade, String origin, String process) {
    return world.ledger.evaluate(
        world.officer(ECX), ctx -> world.rules.listPriceFloors(ctx, grade, origin, process));
  }
}
