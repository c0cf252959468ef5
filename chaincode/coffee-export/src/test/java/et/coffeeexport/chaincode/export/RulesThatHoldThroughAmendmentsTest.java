package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules of DOMAIN.md that earlier stages' approvals rest on, held through amendments, stated
 * dates, standings and privacy (issue 11: amendments under the rules, standing and blacklist, no
 * financial figure in public).
 */
class RulesThatHoldThroughAmendmentsTest {
  private final ExportWorld world = new ExportWorld();

  private void refused(Runnable transaction, String code) {
    world.refused(code, transaction);
  }

  private String amend(String exportId, String request, Map<String, byte[]> terms) {
    return world.ledger.submit(
        world.exporter(), terms, ctx -> world.exports.amendExport(ctx, exportId, request));
  }

  private void file(String exportId, String request) {
    world.ledger.submit(
        world.exporter(),
        ExportWorld.terms(),
        ctx -> world.exports.createExport(ctx, exportId, request));
  }

  /** An export returned by {@code stage}'s organisation. */
  private String returnedBy(String exportId, ExportStatus waiting) {
    world.exportAt(exportId, waiting);
    var reviewer =
        world.officer(et.coffeeexport.domain.ExportLifecycle.stageWaitingIn(waiting).responsible());
    world.take(exportId, ExportAction.RETURN_FOR_AMENDMENT, reviewer);
    return exportId;
  }

  @Test
  void returnedByEctaTheExporterMayFixTheContractButNotWhatTheBankApproved() {
    returnedBy("EXP-A1", ExportStatus.BANK_VERIFIED);
    String moreCoffee = ExportWorld.request(25_000, "2026-11-20T08:00:00Z");
    refused(() -> amend("EXP-A1", moreCoffee, Map.of()), "AMENDMENT_NOT_ALLOWED");
    refused(
        () -> amend("EXP-A1", ExportWorld.request(), ExportWorld.terms("4.10", "LETTER_OF_CREDIT")),
        "AMENDMENT_NOT_ALLOWED");
    String earlierDate = ExportWorld.request().replace("\"2026-11-20\"", "\"2026-11-19\"");
    amend("EXP-A1", earlierDate, Map.of());
    ExportSnapshot amended = world.read("EXP-A1");
    assertThat(amended.status()).as("re-enters ECTA").isEqualTo(ExportStatus.BANK_VERIFIED);
    assertThat(amended.request().contractDate()).isEqualTo("2026-11-19");
  }

  @Test
  void theSameTermsWithAnotherSaltAreNoChangeAndNewTermsNeedTheBanksReturn() {
    returnedBy("EXP-A2", ExportStatus.BANK_VERIFIED);
    String hash = world.read("EXP-A2").termsHash();
    amend("EXP-A2", ExportWorld.request(), ExportWorld.terms());
    assertThat(world.read("EXP-A2").termsHash())
        .as("unchanged terms keep their hash")
        .isEqualTo(hash);

    returnedBy("EXP-A3", ExportStatus.SUBMITTED);
    amend("EXP-A3", ExportWorld.request(), ExportWorld.terms("3.60", "CASH_AGAINST_DOCUMENTS"));
    assertThat(world.read("EXP-A3").termsHash()).isNotEqualTo(hash);
    assertThat(world.read("EXP-A3").status()).isEqualTo(ExportStatus.SUBMITTED);
  }

  @Test
  void afterEctaRegisteredTheContractLaterStagesGetItResubmittedUnchanged() {
    returnedBy("EXP-A4", ExportStatus.ECTA_APPROVED);
    for (String change :
        new String[] {
          ExportWorld.request().replace("\"G2\"", "\"G3\""),
          ExportWorld.request().replace("\"DE\"", "\"JP\""),
          ExportWorld.request().replace("\"FOB\"", "\"CIF\"")
        }) {
      refused(() -> amend("EXP-A4", change, Map.of()), "AMENDMENT_NOT_ALLOWED");
    }
    amend("EXP-A4", ExportWorld.request(), Map.of());
    assertThat(world.read("EXP-A4").status()).isEqualTo(ExportStatus.ECTA_APPROVED);
  }

  @Test
  void theLateFlagIsFixedAtFilingAndNeverRewritten() {
    // Signed 30 hours before filing: late under the 24-hour rule.
    file("EXP-LATE", ExportWorld.request(19_200, "2026-11-19T03:00:00Z"));
    assertThat(world.read("EXP-LATE").reportedLate()).isTrue();
    world.take("EXP-LATE", ExportAction.RETURN_FOR_AMENDMENT, world.officer(COMMERCIAL_BANK));
    amend("EXP-LATE", ExportWorld.request(19_200, "2026-11-19T03:00:00Z"), Map.of());
    assertThat(world.read("EXP-LATE").reportedLate()).as("still late").isTrue();

    file("EXP-ONTIME", ExportWorld.request());
    world.take("EXP-ONTIME", ExportAction.RETURN_FOR_AMENDMENT, world.officer(COMMERCIAL_BANK));
    world.ledger.setTime(Instant.parse("2026-11-23T09:00:00Z"));
    amend("EXP-ONTIME", ExportWorld.request(), Map.of());
    assertThat(world.read("EXP-ONTIME").reportedLate())
        .as("amended three days after signing, reported on time")
        .isFalse();
  }

  @Test
  void statedTimesAndDatesCannotLieInTheFutureOrTooFarBack() {
    // The ledger's clock reads 2026-11-20T09:00Z; the rule set allows 10 minutes of skew.
    refused(
        () -> file("EXP-D1", ExportWorld.request(19_200, "2026-11-20T10:00:00Z")),
        "INVALID_ARGUMENT");
    refused(
        () -> file("EXP-D2", ExportWorld.request().replace("\"2026-11-20\"", "\"2026-11-21\"")),
        "INVALID_ARGUMENT");
    refused(
        () -> file("EXP-D3", ExportWorld.request().replace("\"2026-11-20\"", "\"2026-01-02\"")),
        "INVALID_ARGUMENT");
    file("EXP-D4", ExportWorld.request(19_200, "2026-11-20T09:05:00Z"));
    assertThat(world.read("EXP-D4").status()).isEqualTo(ExportStatus.SUBMITTED);

    world.exportAt("EXP-BL", ExportStatus.SHIPMENT_BOOKED);
    var shipping = world.officer(SHIPPING_LINE);
    for (String date : new String[] {"2026-11-22", "2026-10-01"}) {
      refused(
          () ->
              world.ledger.submit(
                  shipping,
                  ctx ->
                      world.exports.ship(
                          ctx,
                          "EXP-BL",
                          "{\"billOfLadingNumber\":\"BL-9\",\"billOfLadingDate\":\""
                              + date
                              + "\"}")),
          "INVALID_ARGUMENT");
    }
  }

  @Test
  void bankIntakeRefusesAnExporterNotInGoodStanding() {
    world.create("EXP-S1");
    for (String standing : new String[] {"SUSPENDED", "DELINQUENT", "BANNED"}) {
      world.exporterStatus.put(ExportWorld.EXPORTER_ID, standing);
      refused(
          () -> world.take("EXP-S1", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK)),
          "EXPORTER_NOT_ACTIVE");
    }
    world.exporterStatus.put(ExportWorld.EXPORTER_ID, "ACTIVE");
    world.take("EXP-S1", ExportAction.VERIFY_AT_BANK, world.officer(COMMERCIAL_BANK));
    assertThat(world.registryCalls).isPositive();
  }

  @Test
  void aBlacklistedBuyerIsRefusedAtFilingAndAtForeignExchange() {
    world.exportAt("EXP-B1", ExportStatus.QUALITY_CERTIFIED);
    world.blacklistedBuyers.add("BUYER-HAMBURG-1");
    refused(() -> world.create("EXP-B2"), "BUYER_BLACKLISTED");
    int before = world.registryCalls;
    refused(
        () ->
            world.take(
                "EXP-B1", ExportAction.APPROVE_FOREIGN_EXCHANGE, world.officer(NATIONAL_BANK)),
        "BUYER_BLACKLISTED");
    assertThat(world.registryCalls - before)
        .as("officer, exporter and buyer in one registry call")
        .isEqualTo(1);
  }

  @Test
  void theRepatriatedAmountIsPrivateNeverInPublicStateOrEvents() {
    world.exportAt("EXP-R", ExportStatus.ARRIVED);
    var bank = world.officer(COMMERCIAL_BANK);
    refused(
        () ->
            world.ledger.submit(
                bank,
                ctx ->
                    world.exports.recordRepatriation(
                        ctx, "EXP-R", "{\"reference\":\"SWIFT-1\",\"receivedOn\":\"2027-01-10\"}")),
        "INVALID_ARGUMENT");
    world.take("EXP-R", ExportAction.RECORD_REPATRIATION, bank);
    assertThat(world.read("EXP-R").status()).isEqualTo(ExportStatus.COMPLETED);
    assertThat(new String(world.ledger.lastEventPayload(), StandardCharsets.UTF_8))
        .doesNotContain("146034");
    world
        .ledger
        .snapshot()
        .state()
        .forEach(
            (key, value) ->
                assertThat(new String(value, StandardCharsets.UTF_8))
                    .as("public %s", key.replace('\u0000', '/'))
                    .doesNotContain("146034"));
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(NATIONAL_BANK), ctx -> world.queries.readRepatriation(ctx, "EXP-R")))
        .contains("146034.2");
    refused(
        () ->
            world.ledger.evaluate(
                world.officer(ECX), ctx -> world.queries.readRepatriation(ctx, "EXP-R")),
        "FORBIDDEN");
  }
}
