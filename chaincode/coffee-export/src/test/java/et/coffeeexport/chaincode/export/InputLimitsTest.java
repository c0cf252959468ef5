package et.coffeeexport.chaincode.export;

import static et.coffeeexport.domain.Organisation.*;
import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.domain.ExportStatus;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;
import org.hyperledger.fabric.contract.Context;
import org.junit.jupiter.api.Test;

/**
 * The contracts' own input checks, each at exactly its limit (accepted) and one step beyond
 * (refused with {@code INVALID_ARGUMENT}, nothing written).
 */
class InputLimitsTest {
  private final ExportWorld world = new ExportWorld();

  private static final String BAD_ID = "bad id!";

  @Test
  void everyTransactionRefusesAMalformedExportIdBeforeLookingItUp() {
    world.create("EXP-ID");
    var bank = world.officer(COMMERCIAL_BANK);
    var nbe = world.officer(NATIONAL_BANK);
    world.refused(
        "INVALID_ARGUMENT",
        () -> world.ledger.submit(bank, ctx -> world.exports.verifyAtBank(ctx, BAD_ID, "{}")));
    world.refused(
        "INVALID_ARGUMENT",
        () -> world.ledger.submit(nbe, ctx -> world.exports.markRepatriationOverdue(ctx, BAD_ID)));
    world.refused(
        "INVALID_ARGUMENT", () -> world.anchor(BAD_ID, "SALES_CONTRACT", world.exporter()));
    for (Function<Context, Object> query :
        java.util.List.<Function<Context, Object>>of(
            ctx -> world.documents.listDocuments(ctx, BAD_ID),
            ctx -> world.queries.readExport(ctx, BAD_ID),
            ctx -> world.queries.readHistory(ctx, BAD_ID),
            ctx -> world.queries.readTerms(ctx, BAD_ID),
            ctx -> world.queries.readRepatriation(ctx, BAD_ID))) {
      world.refused("INVALID_ARGUMENT", () -> world.ledger.evaluate(nbe, query));
    }
  }

  private String anchorOfSize(String exportId, long sizeBytes) {
    return world.ledger.submit(
        world.exporter(),
        ctx ->
            world.documents.anchorDocument(
                ctx,
                exportId,
                "{\"type\":\"PACKING_LIST\",\"cid\":\"bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy\",\"sha256\":\""
                    + "ab".repeat(32)
                    + "\",\"sizeBytes\":"
                    + sizeBytes
                    + "}"));
  }

  @Test
  void aDocumentWeighsOneByteToFiftyMebibytes() {
    world.create("EXP-SZ");
    assertThat(anchorOfSize("EXP-SZ", 1)).contains("\"sizeBytes\":1,");
    assertThat(anchorOfSize("EXP-SZ", 50L * 1024 * 1024)).contains("\"sizeBytes\":52428800,");
    world.refused("INVALID_ARGUMENT", () -> anchorOfSize("EXP-SZ", 0));
    world.refused("INVALID_ARGUMENT", () -> anchorOfSize("EXP-SZ", 50L * 1024 * 1024 + 1));
  }

  @Test
  void aRefusedAnchorNamesWhoAnchorsThatDocument() {
    world.create("EXP-WHO");
    world.refused("FORBIDDEN", () -> world.anchor("EXP-WHO", "PACKING_LIST", world.officer(ECTA)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> world.anchor("EXP-WHO", "PACKING_LIST", world.officer(ECTA)))
        .hasMessage("FORBIDDEN: PACKING_LIST is anchored by the exporter");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> world.anchor("EXP-WHO", "EXPORT_PERMIT", world.exporter()))
        .hasMessage("FORBIDDEN: EXPORT_PERMIT is anchored by NATIONAL_BANK");
  }

  @Test
  void anExportCarriesNoLicenceApplicationsDocument() {
    world.create("EXP-LIC");
    for (String type : new String[] {"EXPORT_LICENCE", "COMPETENCE_CERTIFICATE"}) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> world.anchor("EXP-LIC", type, world.exporter()))
          .hasMessageStartingWith("INVALID_ARGUMENT: type must be one of [SALES_CONTRACT");
      world.refused("INVALID_ARGUMENT", () -> world.anchor("EXP-LIC", type, world.exporter()));
    }
  }

  private String verifyWith(String exportId, String notes) {
    return world.ledger.submit(
        world.officer(COMMERCIAL_BANK), ctx -> world.exports.verifyAtBank(ctx, exportId, notes));
  }

  private static String reasons(int count, int length) {
    return "{\"reasons\":["
        + String.join(",", Collections.nCopies(count, "\"" + "r".repeat(length) + "\""))
        + "]}";
  }

  @Test
  void aDecisionGivesAtMostTwentyReasonsOfAtMostFiveHundredCharacters() {
    world.create("EXP-NR");
    world.refused("INVALID_ARGUMENT", () -> verifyWith("EXP-NR", reasons(21, 10)));
    world.refused("INVALID_ARGUMENT", () -> verifyWith("EXP-NR", reasons(1, 501)));
    world.refused("INVALID_ARGUMENT", () -> verifyWith("EXP-NR", "{\"reasons\":[\" \"]}"));
    verifyWith("EXP-NR", reasons(20, 500));
    assertThat(world.lastDecision("EXP-NR").reasons()).hasSize(20).allMatch(r -> r.length() == 500);
  }

  private String certifyWith(String exportId, String moisture, int defects, int screen) {
    return world.ledger.submit(
        world.officer(ECX),
        ctx ->
            world.exports.certifyQuality(
                ctx,
                exportId,
                "{\"lotReference\":\"LOT-77\",\"physicalScore\":35,\"cupScore\":52,\"moisturePercent\":"
                    + moisture
                    + ",\"defectsPer300g\":"
                    + defects
                    + ",\"screenSize\":"
                    + screen
                    + "}"));
  }

  @Test
  void aQualityReportStaysWithinTheLaboratorysRanges() {
    world.exportAt("EXP-QL", ExportStatus.ECTA_APPROVED);
    String[][] outside = {
      {"-0.1", "4", "15"}, {"30.1", "4", "15"}, {"10", "-1", "15"},
      {"10", "301", "15"}, {"10", "4", "7"}, {"10", "4", "21"}
    };
    for (String[] r : outside) {
      world.refused(
          "INVALID_ARGUMENT",
          () -> certifyWith("EXP-QL", r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2])));
    }
    var before = world.ledger.snapshot();
    String[][] limits = {
      {"0", "0", "8"}, {"30", "300", "20"}, {"0", "300", "20"}, {"30", "0", "8"}
    };
    for (String[] r : limits) {
      world.ledger.restore(before);
      certifyWith("EXP-QL", r[0], Integer.parseInt(r[1]), Integer.parseInt(r[2]));
      assertThat(world.read("EXP-QL").status()).isEqualTo(ExportStatus.QUALITY_CERTIFIED);
    }
  }

  private String bookWith(String exportId, String containersJson) {
    return world.ledger.submit(
        world.officer(SHIPPING_LINE),
        ctx ->
            world.exports.bookShipment(
                ctx,
                exportId,
                "{\"bookingNumber\":\"BK-1\",\"vessel\":\"MSC Addis\",\"containers\":"
                    + containersJson
                    + "}"));
  }

  private static String containers(int count, String number) {
    return "[" + String.join(",", Collections.nCopies(count, "\"" + number + "\"")) + "]";
  }

  @Test
  void aBookingListsOneToTwoHundredContainersEachWithItsNumber() {
    world.exportAt("EXP-BK", ExportStatus.CUSTOMS_CLEARED);
    world.refused("INVALID_ARGUMENT", () -> bookWith("EXP-BK", "[]"));
    world.refused("INVALID_ARGUMENT", () -> bookWith("EXP-BK", containers(201, "MSCU1234567")));
    world.refused("INVALID_ARGUMENT", () -> bookWith("EXP-BK", containers(1, "C".repeat(21))));
    world.refused("INVALID_ARGUMENT", () -> bookWith("EXP-BK", "[\"MSCU1234567\",\" \"]"));
    bookWith("EXP-BK", containers(200, "C".repeat(20)));
    assertThat(world.read("EXP-BK").fact("containers").split(",")).hasSize(200);
  }

  private String repatriate(String exportId, String amount) {
    return world.ledger.submit(
        world.officer(COMMERCIAL_BANK),
        Map.of("repatriation", ("{\"amountUsd\":" + amount + "}").getBytes(StandardCharsets.UTF_8)),
        ctx ->
            world.exports.recordRepatriation(
                ctx, exportId, "{\"reference\":\"SWIFT-1\",\"receivedOn\":\"2027-01-10\"}"));
  }

  @Test
  void aRepatriatedAmountIsPositiveInCentsAtMost() {
    world.exportAt("EXP-RP", ExportStatus.ARRIVED);
    for (String amount : new String[] {"0", "0.00", "-5", "100.001"}) {
      world.refused("INVALID_ARGUMENT", () -> repatriate("EXP-RP", amount));
    }
    repatriate("EXP-RP", "0.01");
    assertThat(
            world.ledger.<String>evaluate(
                world.officer(ECTA), ctx -> world.queries.readRepatriation(ctx, "EXP-RP")))
        .isEqualTo("{\"amountUsd\":0.01}");
  }

  @Test
  void aPageHoldsOneToTwoHundredExports() {
    world.create("EXP-PG");
    var anyone = world.officer(ECX);
    for (int size : new int[] {1, 200}) {
      assertThat(
              world.ledger.<String>evaluate(
                  anyone, ctx -> world.queries.queryByStatus(ctx, "SUBMITTED", size, "")))
          .contains("\"count\":1");
    }
    for (int size : new int[] {0, 201}) {
      world.refused(
          "INVALID_ARGUMENT",
          () ->
              world.ledger.evaluate(
                  anyone,
                  ctx -> world.queries.queryByExporter(ctx, ExportWorld.EXPORTER_ID, size, "")));
    }
  }

  @Test
  void aRuleSetThatSkipsAVersionIsRefusedNamingTheNextOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                world.ledger.submit(
                    world.officer(ECTA),
                    ctx ->
                        world.rules.proposeRuleSet(
                            ctx, ExportWorld.effective(ExportWorld.rules(3), world.today()))))
        .hasMessage("INVALID_ARGUMENT: the next rule set version is 2");
  }

  private static String tables(int count) {
    StringBuilder refs = new StringBuilder();
    for (int i = 1; i <= count; i++) {
      refs.append(i == 1 ? "" : ",").append("\"table-").append(i).append(":v1\"");
    }
    return "{\"decisionTables\":[" + refs + "]}";
  }

  @Test
  void aDecisionNamesAtMostTenDecisionTables() {
    world.create("EXP-DT");
    world.refused("INVALID_ARGUMENT", () -> verifyWith("EXP-DT", tables(11)));
    verifyWith("EXP-DT", tables(10));
    assertThat(world.lastDecision("EXP-DT").ruleApplied())
        .hasSize(11)
        .startsWith("ruleset:1", "dmn:table-1:v1")
        .endsWith("dmn:table-10:v1");
  }
}
