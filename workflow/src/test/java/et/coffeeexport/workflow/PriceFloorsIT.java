package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The day's minimum export prices through the process, everything real: the administrator starts a
 * round, an ECTA officer proposes a floor for a grade, origin and process no export has used, an
 * ECTA approval needing it returns to the officer saying it waits for National Bank, a National
 * Bank supervisor sends the proposal back, ECTA proposes again, the supervisor co-signs, and the
 * approval passes; the ledger's entry names both signers.
 */
class PriceFloorsIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void anApprovalWaitsForTheFloorUntilNationalBankCoSignedEctasProposal() throws Exception {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String origin = "IT" + ExportFixture.people.run.toUpperCase();
    String round = "price-floors-it-" + ExportFixture.people.run;
    var started =
        Workflow.call(
            "POST",
            "process-definition/key/" + ExportProcess.PRICE_FLOORS + "/start",
            ExportFixture.tokens.get("admin"),
            "{\"businessKey\":\"" + round + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

    propose(round, today, origin, "3.10");
    assertThat(floor(origin).cosigned()).as("proposed, not in force").isFalse();

    // An export needing that floor: ECTA's approval returns, saying what it waits for.
    String exportId = exportAtEcta(origin);
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(ExportFixture.status(exportId).path("status").asText()).isEqualTo("BANK_VERIFIED");
    String reason = refusalOfReview(exportId);
    assertThat(reason)
        .startsWith("PRECONDITION_FAILED: no co-signed minimum export price for G2/" + origin)
        .contains("awaits National Bank's co-signature (DailyPriceFloors)");

    cosign(round, Map.of("decision", "SEND_BACK", "reasons", "below the ICE differential"));
    var again = task("ecta.officer", round, "ProposePriceFloors");
    assertThat(variable(again.path("id").asText(), "reasons"))
        .isEqualTo("below the ICE differential");
    propose(round, today, origin, "3.20");
    cosign(round, Map.of("decision", "COSIGN"));
    awaitRoundEnded(round);

    PriceFloor inForce = floor(origin);
    assertThat(inForce.cosigned()).isTrue();
    assertThat(inForce.minPricePerLbUsd()).isEqualByComparingTo("3.20");
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    assertThat(inForce.proposedBy()).isEqualTo(keycloak.userId("ecta.officer"));
    assertThat(inForce.cosignedBy()).isEqualTo(keycloak.userId("national-bank.supervisor"));

    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    JsonNode approved = ExportFixture.awaitStatus(exportId, "ECTA_APPROVED");
    assertThat(approved.path("status").asText()).isEqualTo("ECTA_APPROVED");
    assertThat(ExportFixture.history(exportId).path("decisions").toString())
        .contains("floor:G2/" + origin + "/WASHED/" + today);
  }

  private static void propose(String round, String today, String origin, String price)
      throws Exception {
    JsonNode task = task("ecta.officer", round, "ProposePriceFloors");
    assertThat(task.path("name").asText())
        .isEqualTo("Propose the minimum export prices for " + today);
    String floors =
        "[{\"grade\":\"G2\",\"origin\":\""
            + origin
            + "\",\"process\":\"WASHED\",\"minPricePerLbUsd\":"
            + price
            + "}]";
    complete("ecta.officer", task, Map.of(ExportProcess.FLOORS_JSON, floors));
    // The ledger step runs asynchronously: the supervisor's task opens once it committed.
    JsonNode cosign = task("national-bank.supervisor", round, "CosignPriceFloors");
    assertThat(cosign.path("name").asText())
        .isEqualTo("Co-sign the minimum export prices for " + today);
    assertThat(floor(origin).minPricePerLbUsd()).isEqualByComparingTo(price);
  }

  private static void cosign(String round, Map<String, String> decision) throws Exception {
    complete(
        "national-bank.supervisor",
        task("national-bank.supervisor", round, "CosignPriceFloors"),
        decision);
  }

  private static void complete(String person, JsonNode task, Map<String, String> variables)
      throws Exception {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).put("value", v));
    var done =
        Workflow.complete(
            task.path("id").asText(), ExportFixture.tokens.get(person), body.toString());
    assertThat(done.statusCode())
        .as("%s completes %s: %s", person, task, done.body())
        .isIn(200, 204);
  }

  /** The one open task of the round with {@code key}, as {@code person} sees it, within 60 s. */
  private static JsonNode task(String person, String round, String key) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonNode tasks =
          JSON.readTree(
              Workflow.get(
                      "task?processInstanceBusinessKey=" + round + "&taskDefinitionKey=" + key,
                      ExportFixture.tokens.get(person))
                  .body());
      if (tasks.size() == 1) {
        return tasks.get(0);
      }
      assertThat(System.nanoTime()).as("%s sees %s of %s", person, key, round).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static void awaitRoundEnded(String round) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonNode running =
          JSON.readTree(
              Workflow.get(
                      "process-instance?businessKey=" + round, ExportFixture.tokens.get("admin"))
                  .body());
      if (running.isEmpty()) {
        return;
      }
      assertThat(System.nanoTime()).as("the round %s ends", round).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** The ledger's entry for G2/{@code origin}/WASHED, the only one this run made. */
  private static PriceFloor floor(String origin) throws Exception {
    try (var ledger = NETWORK.connector()) {
      List<PriceFloor> entries =
          ledger
              .coffeeExport()
              .listPriceFloors(ExportFixture.people.signatory("ecta"), "G2", origin, "WASHED");
      assertThat(entries).hasSize(1);
      return entries.get(0);
    }
  }

  /** A filed export of the run's exporter for {@code origin}, verified by the bank. */
  private static String exportAtEcta(String origin) throws Exception {
    ObjectNode body = ExportFixture.filing();
    ((ObjectNode) body.get("request"))
        .put("origin", origin)
        .put("contractNumber", "SC-PF-" + ExportFixture.people.run);
    String exportId = ExportFixture.filedWithContract("pf", body);
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    return exportId;
  }

  /** Why the ECTA review of the export came back: the reason the officer and analysts read. */
  private static String refusalOfReview(String exportId) throws Exception {
    JsonNode review =
        ExportFixture.awaitTasks(ExportFixture.tokens.get("ecta.officer"), exportId, "Review");
    assertThat(review).hasSize(1);
    return variable(review.get(0).path("id").asText(), "ledgerRefusal");
  }

  private static String variable(String taskId, String name) throws Exception {
    var response =
        Workflow.get("task/" + taskId + "/variables/" + name, ExportFixture.tokens.get("admin"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("value").asText();
  }
}
