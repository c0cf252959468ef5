package et.coffeeexport.workflow.exporterview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.domain.DocumentAnchor;
import et.coffeeexport.domain.DocumentType;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.workflow.submission.ApiProblems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What an exporter's list says of each export, under the platform's first rule set
 * (network/config/rules/ruleset-1.json): the next deadline the ledger recorded, the documents the
 * exporter still owes for what comes next, and which bookmarks continue its own list.
 */
class OwnViewRulesTest {
  private static final RuleSet RULES = rules();
  private static final Instant NOW = Instant.parse("2026-12-10T08:00:00Z");

  private static RuleSet rules() {
    try {
      return new ObjectMapper()
          .readValue(Path.of("../network/config/rules/ruleset-1.json").toFile(), RuleSet.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ExportSnapshot export(
      ExportStatus status, ExportStatus returnedFrom, Map<String, String> facts) {
    return new ExportSnapshot(
        "EXP-1",
        "EXPORTER-1",
        status,
        returnedFrom,
        0,
        new ExportRequest(
            "EXPORTER-1",
            "SC-1",
            "2026-12-01T08:00:00Z",
            "2026-12-01",
            "DE",
            19200,
            "G2",
            "SIDAMA",
            "WASHED",
            "FOB"),
        "hash",
        1,
        false,
        new TreeMap<>(facts),
        "2026-12-01T09:00:00Z",
        "2026-12-01T09:00:00Z",
        1);
  }

  private static DocumentAnchor anchored(DocumentType type) {
    return new DocumentAnchor("EXP-1", type, 1, "cid", "sha", 1, null, "m", "u", "tx", "t");
  }

  @Test
  void theShipmentDeadlineRunsFromRegistrationUntilShippedThenTheProceeds() {
    var booked =
        export(ExportStatus.SHIPMENT_BOOKED, null, Map.of(ExportFacts.SHIPMENT_DUE, "2027-03-01"));
    assertThat(NextDeadline.of(booked, NOW))
        .contains(new NextDeadline("SHIPMENT", "2027-03-01", false));
    var returned =
        export(
            ExportStatus.RETURNED_FOR_AMENDMENT,
            ExportStatus.QUALITY_CERTIFIED,
            Map.of(ExportFacts.SHIPMENT_DUE, "2026-12-09"));
    assertThat(NextDeadline.of(returned, NOW))
        .as("passed the day after")
        .contains(new NextDeadline("SHIPMENT", "2026-12-09", true));
    var shipped =
        export(
            ExportStatus.SHIPPED,
            null,
            Map.of(
                ExportFacts.SHIPMENT_DUE,
                "2027-03-01",
                ExportFacts.REPATRIATION_DUE,
                "2027-06-01"));
    assertThat(NextDeadline.of(shipped, NOW))
        .contains(new NextDeadline("REPATRIATION", "2027-06-01", false));
    assertThat(NextDeadline.of(export(ExportStatus.SUBMITTED, null, Map.of()), NOW)).isEmpty();
    assertThat(
            NextDeadline.of(
                export(
                    ExportStatus.COMPLETED,
                    null,
                    Map.of(ExportFacts.REPATRIATION_DUE, "2027-06-01")),
                NOW))
        .as("nothing runs after completion")
        .isEmpty();
  }

  @Test
  void theExporterOwesWhatTheNextApprovalNeedsAndIsNotAnchoredYet() {
    var submitted = export(ExportStatus.SUBMITTED, null, Map.of());
    var required = DocumentsToProvide.required(submitted, RULES);
    assertThat(required).containsExactly(DocumentType.SALES_CONTRACT);
    assertThat(DocumentsToProvide.missing(required, List.of()))
        .containsExactly(DocumentType.SALES_CONTRACT);
    assertThat(DocumentsToProvide.missing(required, List.of(anchored(DocumentType.SALES_CONTRACT))))
        .isEmpty();
  }

  @Test
  void documentsAnOrganisationIssuesAreNotTheExportersToProvide() {
    // FX approval needs ECX's quality certificate, shipping the line's bill of lading.
    assertThat(
            DocumentsToProvide.required(
                export(ExportStatus.QUALITY_CERTIFIED, null, Map.of()), RULES))
        .isEmpty();
    assertThat(
            DocumentsToProvide.required(
                export(ExportStatus.SHIPMENT_BOOKED, null, Map.of()), RULES))
        .isEmpty();
  }

  @Test
  void aReturnedExportOwesWhatTheStageItReentersNeedsAndAFinalOneNothing() {
    var returnedByEcta =
        export(ExportStatus.RETURNED_FOR_AMENDMENT, ExportStatus.BANK_VERIFIED, Map.of());
    assertThat(DocumentsToProvide.required(returnedByEcta, RULES))
        .containsExactly(DocumentType.SALES_CONTRACT);
    assertThat(DocumentsToProvide.required(export(ExportStatus.REJECTED, null, Map.of()), RULES))
        .isEmpty();
  }

  @Test
  void onlyABookmarkOfTheExportersOwnRangeContinuesItsList() {
    String own = "\u0000export~exporter\u0000EXPORTER-1\u0000EXP-9\u0000";
    assertThat(MyExports.ledgerBookmark(encode(own), "EXPORTER-1")).isEqualTo(own);
    assertThat(MyExports.ledgerBookmark(null, "EXPORTER-1")).isEmpty();
    String another = "\u0000export~exporter\u0000EXPORTER-2\u0000EXP-9\u0000";
    assertThatThrownBy(() -> MyExports.ledgerBookmark(encode(another), "EXPORTER-1"))
        .isInstanceOf(ApiProblems.BadRequest.class);
    String earlier = "\u0000export~exporter\u0000EXPORTER-0\u0000EXPORTER-1\u0000";
    assertThatThrownBy(() -> MyExports.ledgerBookmark(encode(earlier), "EXPORTER-1"))
        .isInstanceOf(ApiProblems.BadRequest.class);
    assertThatThrownBy(() -> MyExports.ledgerBookmark("not base64!", "EXPORTER-1"))
        .isInstanceOf(ApiProblems.BadRequest.class);
  }

  private static String encode(String bookmark) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(bookmark.getBytes(StandardCharsets.UTF_8));
  }
}
