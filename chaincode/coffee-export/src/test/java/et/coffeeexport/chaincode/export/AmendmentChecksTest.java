package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.ExportAction;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An amendment passes every check a filing passes: a valid request, plausible dates, an exporter in
 * good standing and, when the terms change, a buyer off the blacklist.
 */
class AmendmentChecksTest {
  private final ExportWorld world = new ExportWorld();

  private String amend(String exportId, String request, Map<String, byte[]> terms) {
    return world.ledger.submit(
        world.exporter(), terms, ctx -> world.exports.amendExport(ctx, exportId, request));
  }

  private String returnedBy(String exportId, ExportStatus waiting) {
    world.exportAt(exportId, waiting);
    world.take(
        exportId,
        ExportAction.RETURN_FOR_AMENDMENT,
        world.officer(ExportLifecycle.stageWaitingIn(waiting).responsible()));
    return exportId;
  }

  private static Map<String, byte[]> termsWithBuyer(String buyerId) {
    String json =
        new String(ExportWorld.terms().get("terms"), StandardCharsets.UTF_8)
            .replace("BUYER-HAMBURG-1", buyerId);
    return Map.of("terms", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refusesAnAmendmentThatIsNoValidRequest() {
    // Returned by the bank, the exporter may change the quantity, but not to nothing.
    returnedBy("EXP-AV", ExportStatus.SUBMITTED);
    for (long quantity : new long[] {0, -60}) {
      world.refused(
          "INVALID_ARGUMENT",
          () -> amend("EXP-AV", ExportWorld.request(quantity, "2026-11-20T08:00:00Z"), Map.of()));
    }
    amend("EXP-AV", ExportWorld.request(19_260, "2026-11-20T08:00:00Z"), Map.of());
    assertThat(world.read("EXP-AV").request().quantityKg()).isEqualTo(19_260);
  }

  @Test
  void refusesAnAmendedContractDatedInTheFutureOrTooFarBack() {
    // Returned by ECTA, the exporter may correct the contract's date, within the rules.
    returnedBy("EXP-AD", ExportStatus.BANK_VERIFIED);
    for (String date : new String[] {"2026-11-21", "2026-05-23"}) {
      world.refused(
          "INVALID_ARGUMENT",
          () ->
              amend(
                  "EXP-AD",
                  ExportWorld.request().replace("\"2026-11-20\"", "\"" + date + "\""),
                  Map.of()));
    }
    world.refused(
        "INVALID_ARGUMENT",
        () -> amend("EXP-AD", ExportWorld.request(19_200, "2026-11-20T12:00:00Z"), Map.of()));
    amend("EXP-AD", ExportWorld.request().replace("\"2026-11-20\"", "\"2026-05-24\""), Map.of());
    assertThat(world.read("EXP-AD").request().contractDate()).isEqualTo("2026-05-24");
  }

  @Test
  void refusesAmendmentByAnInactiveExporter() {
    returnedBy("EXP-AE", ExportStatus.SUBMITTED);
    for (String standing : new String[] {"SUSPENDED", "DELINQUENT", "BANNED", "LICENCE_EXPIRED"}) {
      world.exporterStatus.put(ExportWorld.EXPORTER_ID, standing);
      world.refused("EXPORTER_NOT_ACTIVE", () -> amend("EXP-AE", ExportWorld.request(), Map.of()));
    }
    world.exporterStatus.put(ExportWorld.EXPORTER_ID, "ACTIVE");
    amend("EXP-AE", ExportWorld.request(), Map.of());
    assertThat(world.read("EXP-AE").status()).isEqualTo(ExportStatus.SUBMITTED);
  }

  @Test
  void refusesAmendedTermsNamingABlacklistedBuyer() {
    returnedBy("EXP-AB", ExportStatus.SUBMITTED);
    world.blacklistedBuyers.add("BUYER-ROTTERDAM-7");
    int calls = world.registryCalls;
    world.refused(
        "BUYER_BLACKLISTED",
        () -> amend("EXP-AB", ExportWorld.request(), termsWithBuyer("BUYER-ROTTERDAM-7")));
    assertThat(world.registryCalls - calls)
        .as("exporter and buyer in one registry call")
        .isEqualTo(1);
    amend("EXP-AB", ExportWorld.request(), termsWithBuyer("BUYER-ANTWERP-3"));
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(NATIONAL_BANK), ctx -> world.queries.readTerms(ctx, "EXP-AB")))
        .contains("\"buyerId\":\"BUYER-ANTWERP-3\"");
  }
}
