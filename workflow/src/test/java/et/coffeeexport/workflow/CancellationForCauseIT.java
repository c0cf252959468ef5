package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancellation for cause on the real platform: an ECTA officer starts it through the engine REST
 * API with their own token; the ledger shows the export CANCELLED by that officer with the reasons,
 * one decision, and the export's lifecycle ends through its own cancellation. A shipped export's
 * cancellation is refused with the chaincode's reason, back to the National Bank officer who tried,
 * and nothing changes. An organisation that may not cancel cannot start it.
 */
class CancellationForCauseIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void anEctaOfficerCancelsAFiledExportForCauseAndItsLifecycleEnds() throws Exception {
    String exportId = filed();
    String lifecycle = lifecycleOf(exportId);
    String cancellation =
        Administration.start(
            "ecta.officer",
            ExportProcess.CANCELLATION_FOR_CAUSE,
            Map.of(
                "exportId",
                exportId,
                "reasons",
                "sales contract forged\nbuyer unknown at the stated address"));

    assertThat(Administration.endedAt(cancellation)).isEqualTo("ExportCancelledForCause");
    assertThat(Administration.endedAt(lifecycle)).isEqualTo("ExportCancelled");
    assertThat(ExportFixture.awaitStatus(exportId, "CANCELLED").path("status").asText())
        .isEqualTo("CANCELLED");
    JsonNode decisions = ExportFixture.history(exportId).path("decisions");
    JsonNode cancelled = decisions.get(decisions.size() - 1);
    assertThat(cancelled.path("action").asText()).isEqualTo("CANCEL");
    assertThat(cancelled.path("organisation").asText()).isEqualTo("EctaMSP");
    assertThat(cancelled.path("role").asText()).isEqualTo("OFFICER");
    assertThat(cancelled.path("userId").asText())
        .isEqualTo(Administration.userIdOf("ecta.officer"));
    assertThat(cancelled.path("reasons").toString())
        .contains("sales contract forged", "buyer unknown at the stated address");
    int cancels = 0;
    for (JsonNode d : decisions) {
      cancels += "CANCEL".equals(d.path("action").asText()) ? 1 : 0;
    }
    assertThat(cancels).as("one decision: the lifecycle's step replayed it").isEqualTo(1);
    // The officer who started it reads in Tasklist what the ledger did, in its own transaction.
    JsonNode outcome =
        Administration.outcome(ExportFixture.webSession("ecta.officer"), cancellation);
    assertThat(outcome.path("outcome").asText()).as(outcome.toString()).isEqualTo("COMMITTED");
    assertThat(outcome.path("transactionId").asText()).isEqualTo(cancelled.path("txId").asText());
    assertThat(outcome.path("exportStatus").asText()).isEqualTo("CANCELLED");
    JsonNode incidents =
        JSON.readTree(
            Workflow.get(
                    "history/incident?processInstanceId=" + lifecycle,
                    ExportFixture.tokens.get("admin"))
                .body());
    assertThat(incidents).as("the lifecycle's cancellation became no incident").isEmpty();
  }

  @Test
  void aShippedExportsCancellationIsRefusedBackToTheOfficerWithTheReason() throws Exception {
    String exportId = shipped();
    String cancellation =
        Administration.start(
            "national-bank.officer",
            ExportProcess.CANCELLATION_FOR_CAUSE,
            Map.of("exportId", exportId, "reasons", "FX obtained on a false invoice"));

    JsonNode review =
        Administration.task("national-bank.officer", cancellation, "ReviewRefusedCancellation");
    assertThat(review.path("name").asText()).isEqualTo("Cancellation of " + exportId + " refused");
    assertThat(review.path("description").asText())
        .isEqualTo(
            "Refused by the ledger: ILLEGAL_TRANSITION: cannot CANCEL an export that is SHIPPED");
    assertThat(Administration.variable(cancellation, ExportProcess.LEDGER_REFUSAL))
        .isEqualTo("ILLEGAL_TRANSITION: cannot CANCEL an export that is SHIPPED");
    assertThat(ExportFixture.status(exportId).path("status").asText()).isEqualTo("SHIPPED");
    assertThat(
            ExportFixture.tasksOf(
                ExportFixture.tokens.get("commercial-bank.officer"),
                exportId,
                "RecordRepatriation"))
        .as("the lifecycle goes on")
        .hasSize(1);

    Administration.complete(
        "national-bank.officer",
        review,
        Map.of("decision", "WITHDRAW", "reasons", "shipped: pursued as an FX case"));
    assertThat(Administration.endedAt(cancellation)).isEqualTo("CancellationWithdrawn");
  }

  @Test
  void anOrganisationThatMayNotCancelCannotStartIt() throws Exception {
    String exportId = filed();
    var refused =
        Administration.startAs(
            "ecx.officer",
            ExportProcess.CANCELLATION_FOR_CAUSE,
            Map.of("exportId", exportId, "reasons", "not ECX's to cancel"));
    assertThat(refused.statusCode()).as(refused.body()).isBetween(400, 499);
    assertThat(ExportFixture.status(exportId).path("status").asText()).isEqualTo("SUBMITTED");
  }

  private static String filed() throws Exception {
    var filed = ExportFixture.file("cfc-" + UUID.randomUUID(), ExportFixture.filing());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return JSON.readTree(filed.body()).get("exportId").asText();
  }

  /** A fresh export walked by each organisation's officer until Shipping Line shipped it. */
  private static String shipped() throws Exception {
    String exportId = ExportFixture.clearedExport("cfc");
    String run = UUID.randomUUID().toString().substring(0, 8);
    ExportFixture.decide(
        "shipping-line.officer",
        exportId,
        "BookShipment",
        Map.of(
            "bookingJson",
            "{\"bookingNumber\":\"BK-CFC-"
                + run
                + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU7654321\"]}"));
    ExportFixture.upload(
        ExportFixture.tokens.get("shipping-line.officer"), exportId, "BILL_OF_LADING");
    ExportFixture.decide(
        "shipping-line.officer",
        exportId,
        "Ship",
        Map.of(
            "billOfLadingJson",
            "{\"billOfLadingNumber\":\"BL-CFC-"
                + run
                + "\",\"billOfLadingDate\":\""
                + LocalDate.now(ZoneOffset.UTC)
                + "\"}"));
    assertThat(ExportFixture.awaitStatus(exportId, "SHIPPED").path("status").asText())
        .isEqualTo("SHIPPED");
    // The engine, too, has moved past Ship once the proceeds' task is open.
    assertThat(
            ExportFixture.awaitTasks(
                ExportFixture.tokens.get("commercial-bank.officer"),
                exportId,
                "RecordRepatriation"))
        .hasSize(1);
    return exportId;
  }

  private static String lifecycleOf(String exportId) throws Exception {
    JsonNode instances =
        JSON.readTree(
            Workflow.get(
                    "process-instance?businessKey="
                        + exportId
                        + "&processDefinitionKey="
                        + ExportProcess.KEY,
                    ExportFixture.tokens.get("admin"))
                .body());
    assertThat(instances).hasSize(1);
    return instances.get(0).get("id").asText();
  }
}
