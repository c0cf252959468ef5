package et.coffeeexport.connectors.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.readmodel.EventDispatch.Target;
import et.coffeeexport.domain.EventName;
import et.coffeeexport.domain.ExportAction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The read model reads what an event is from its name, and never guesses it from its payload. */
class EventDispatchTest {
  private static final String EXPORT =
      """
      {"exportId":"EXP-1","exporterId":"EXPORTER-1","status":"BANK_VERIFIED","decisions":2,
       "amendmentRounds":0,"facts":{},"request":{"grade":"G1"},"updatedAt":"2026-12-01T10:00:00Z"}
      """;
  private static final String ANCHOR =
      """
      {"exportId":"EXP-1","type":"SALES_CONTRACT","version":1,"cid":"bafy1","sha256":"ab12",
       "sizeBytes":10}
      """;

  @Test
  void everyExportActionsEventReplacesTheExportsView() {
    for (ExportAction action : ExportAction.values()) {
      EventDispatch d = dispatch(EventName.of(action).text(), EXPORT);
      assertThat(d.target()).as("%s", action).isEqualTo(Target.EXPORT);
      assertThat(d.name()).isEqualTo(EventName.of(action));
      assertThat(d.exportId()).isEqualTo("EXP-1");
      assertThat(d.payload().path("status").asText()).isEqualTo("BANK_VERIFIED");
    }
  }

  @Test
  void anAnchoredDocumentGoesToTheDocumentsEvenWithFieldsLikeAnExports() {
    String lookalike =
        ANCHOR.replace(
            "\"sizeBytes\":10", "\"sizeBytes\":10,\"status\":\"SHIPPED\",\"decisions\":9");
    EventDispatch d = dispatch("DocumentAnchored", lookalike);
    assertThat(d.target()).isEqualTo(Target.DOCUMENT);
    assertThat(d.exportId()).isEqualTo("EXP-1");
    assertThat(d.payload().path("cid").asText()).isEqualTo("bafy1");
  }

  @Test
  void rulesAndPricesGoToTheTrailOnlyWhateverTheirPayloadHolds() {
    for (String name :
        new String[] {"RuleSetPublished", "PriceFloorProposed", "PriceFloorCosigned"}) {
      EventDispatch d = dispatch(name, EXPORT);
      assertThat(d.target()).as(name).isEqualTo(Target.TRAIL);
      assertThat(d.exportId()).as("no export is about a rule set").isNull();
    }
    assertThat(dispatch("RuleSetPublished", "").target()).isEqualTo(Target.TRAIL);
  }

  @Test
  void anUnknownNameIsSkippedEvenWithAnExportsPayload() {
    for (String name :
        new String[] {"ExportTeleported", "exportSubmitted", "EXPORT_SUBMITTED", "", "Export"}) {
      EventDispatch d = dispatch(name, EXPORT);
      assertThat(d.target()).as("'%s'", name).isEqualTo(Target.SKIP);
      assertThat(d.name()).isNull();
      assertThat(d.exportId()).isNull();
      assertThat(d.reason()).contains("no event of that name");
    }
    assertThat(dispatch(null, EXPORT).target()).isEqualTo(Target.SKIP);
  }

  @Test
  void aKnownNameWhosePayloadIsNotWhatItSaysIsSkipped() {
    EventDispatch anchorAsExport = dispatch("ExportShipped", ANCHOR);
    assertThat(anchorAsExport.target()).isEqualTo(Target.SKIP);
    assertThat(anchorAsExport.name()).isEqualTo(EventName.EXPORT_SHIPPED);
    assertThat(anchorAsExport.reason()).contains("not an export");
    assertThat(dispatch("DocumentAnchored", EXPORT).reason()).contains("not a document anchor");
    assertThat(dispatch("ExportSubmitted", "not json").target()).isEqualTo(Target.SKIP);
    assertThat(dispatch("ExportSubmitted", "").target()).isEqualTo(Target.SKIP);
    assertThat(dispatch("ExportSubmitted", "[1,2]").target()).isEqualTo(Target.SKIP);
    assertThat(dispatch("ExportSubmitted", EXPORT.replace("\"EXP-1\"", "null")).target())
        .as("no export id")
        .isEqualTo(Target.SKIP);
  }

  private static EventDispatch dispatch(String name, String payload) {
    return EventDispatch.of(
        new LedgerEvent(7, "tx-1", name, payload.getBytes(StandardCharsets.UTF_8)));
  }
}
