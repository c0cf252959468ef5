package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The 90-day shipment deadline on the real platform: an administrator fires the deadline's timer
 * (as the job executor would on the day), ECTA's officer decides in the task the process gives
 * ECTA; an extension is on the ledger, signed by that officer, and the process's timer waits for
 * the new date; a cancellation ends the export on the ledger and the process.
 */
class ShipmentDeadlineIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter ENGINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  @BeforeAll
  static void anExporterOfTheirOwn() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void ectaExtendsABookedExportsPassedDeadlineAndTheProcessWaitsForTheNewDate() throws Exception {
    String exportId = ExportFixture.clearedExport("deadline");
    ExportFixture.decide(
        "shipping-line.officer",
        exportId,
        "BookShipment",
        Map.of(
            "bookingJson",
            "{\"bookingNumber\":\"BK-X-"
                + ExportFixture.people.run
                + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU7654321\"]}"));
    LocalDate due =
        LocalDate.parse(ExportFixture.status(exportId).path("facts").path("shipmentDue").asText());
    String process = processOf(exportId);
    fire(process, "ShipmentDeadlinePassed");

    LocalDate extended = due.plusDays(30);
    ExportFixture.decide(
        "ecta.officer",
        exportId,
        "DecideOnOverdueShipment",
        Map.of(
            "decision",
            "EXTEND",
            "newShipmentDate",
            extended.toString(),
            "reasons",
            "vessel delayed at Djibouti"));

    JsonNode export = ExportFixture.status(exportId);
    assertThat(export.path("status").asText()).isEqualTo("SHIPMENT_BOOKED");
    assertThat(export.path("facts").path("shipmentDue").asText()).isEqualTo(extended.toString());
    JsonNode extension = lastDecision(exportId);
    assertThat(extension.path("action").asText()).isEqualTo("EXTEND_SHIPMENT_DEADLINE");
    assertThat(extension.path("organisation").asText()).isEqualTo("EctaMSP");
    assertThat(extension.path("role").asText()).isEqualTo("OFFICER");
    assertThat(extension.path("userId").asText()).isEqualTo(userIdOf("ecta.officer"));
    assertThat(extension.path("details").path("shipmentDue").asText())
        .isEqualTo(extended.toString());

    // The engine's transaction re-arms the timer just after the ledger committed the extension.
    Instant newDue = extended.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant timer = null;
    for (long deadline = System.nanoTime() + 30_000_000_000L;
        !newDue.equals(timer) && System.nanoTime() < deadline; ) {
      JsonNode jobs = jobs(process, "ShipmentDeadlinePassed");
      timer =
          jobs.size() == 1
              ? OffsetDateTime.parse(jobs.get(0).path("dueDate").asText(), ENGINE_TIME).toInstant()
              : null;
      Thread.sleep(newDue.equals(timer) ? 0 : 100);
    }
    assertThat(timer).as("the deadline's timer waits for the extended date").isEqualTo(newDue);
    assertThat(
            ExportFixture.tasksOf(
                ExportFixture.tokens.get("ecta.officer"), exportId, "DecideOnOverdueShipment"))
        .as("ECTA's decision is done")
        .isEmpty();
    assertThat(
            ExportFixture.tasksOf(
                ExportFixture.tokens.get("shipping-line.officer"), exportId, "Ship"))
        .as("the shipping goes on")
        .hasSize(1);
  }

  @Test
  void ectaCancelsAClearedExportWhoseDeadlinePassedAndTheProcessEnds() throws Exception {
    String exportId = ExportFixture.clearedExport("deadline");
    String process = processOf(exportId);
    fire(process, "ShipmentDeadlinePassed");

    ExportFixture.decide(
        "ecta.officer",
        exportId,
        "DecideOnOverdueShipment",
        Map.of("decision", "CANCEL", "reasons", "no shipment within the period"));

    assertThat(ExportFixture.awaitStatus(exportId, "CANCELLED").path("status").asText())
        .isEqualTo("CANCELLED");
    JsonNode cancellation = lastDecision(exportId);
    assertThat(cancellation.path("action").asText()).isEqualTo("CANCEL");
    assertThat(cancellation.path("organisation").asText()).isEqualTo("EctaMSP");
    assertThat(cancellation.path("userId").asText()).isEqualTo(userIdOf("ecta.officer"));
    String admin = ExportFixture.tokens.get("admin");
    JsonNode running = JSON.createArrayNode();
    for (long deadline = System.nanoTime() + 30_000_000_000L; System.nanoTime() < deadline; ) {
      running =
          JSON.readTree(Workflow.get("process-instance?businessKey=" + exportId, admin).body());
      if (running.size() == 0) {
        break;
      }
      Thread.sleep(100);
    }
    assertThat(running).as("no process of the export still runs").isEmpty();
    JsonNode ended =
        JSON.readTree(
            Workflow.get(
                    "history/activity-instance?processInstanceId="
                        + process
                        + "&activityId=CancelledForOverdueShipment",
                    admin)
                .body());
    assertThat(ended).as("the export's process ended as cancelled").hasSize(1);
  }

  /** The export's lifecycle process instance. */
  private static String processOf(String exportId) throws Exception {
    JsonNode instances =
        JSON.readTree(
            Workflow.get(
                    "process-instance?businessKey="
                        + exportId
                        + "&processDefinitionKey=ExportLifecycle",
                    ExportFixture.tokens.get("admin"))
                .body());
    assertThat(instances).hasSize(1);
    return instances.get(0).get("id").asText();
  }

  private static JsonNode jobs(String process, String activityId) throws Exception {
    return JSON.readTree(
        Workflow.get(
                "job?processInstanceId=" + process + "&activityId=" + activityId,
                ExportFixture.tokens.get("admin"))
            .body());
  }

  /** Runs the timer on {@code activityId} now, as the job executor would when it is due. */
  private static void fire(String process, String activityId) throws Exception {
    JsonNode jobs = jobs(process, activityId);
    for (long deadline = System.nanoTime() + 30_000_000_000L;
        jobs.size() == 0 && System.nanoTime() < deadline; ) {
      Thread.sleep(100);
      jobs = jobs(process, activityId);
    }
    assertThat(jobs).as("the timer %s waits", activityId).hasSize(1);
    var fired =
        Workflow.call(
            "POST",
            "job/" + jobs.get(0).get("id").asText() + "/execute",
            ExportFixture.tokens.get("admin"),
            null);
    assertThat(fired.statusCode()).as(fired.body()).isIn(200, 204);
  }

  private static JsonNode lastDecision(String exportId) throws Exception {
    JsonNode decisions = ExportFixture.history(exportId).path("decisions");
    return decisions.get(decisions.size() - 1);
  }

  private static String userIdOf(String username) throws Exception {
    return new KeycloakAdmin(new RealmLogin().secret("keycloak-admin")).userId(username);
  }
}
