package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * The regulators' administration processes as officers work them on the running platform: started
 * through the engine REST API with the officer's own token and the start form's fields, their tasks
 * found and completed the same way, their outcome read from the engine's history and the registry.
 */
final class Administration {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Administration() {}

  /** {@code officer} starts process {@code key} with {@code fields}; the engine's answer. */
  static HttpResponse<String> startAs(String officer, String key, Map<String, String> fields)
      throws Exception {
    return Workflow.call(
        "POST",
        "process-definition/key/" + key + "/start",
        ExportFixture.tokens.get(officer),
        variables(fields));
  }

  /** {@code officer} starts process {@code key}: the new instance's id. */
  static String start(String officer, String key, Map<String, String> fields) throws Exception {
    var started = startAs(officer, key, fields);
    assertThat(started.statusCode())
        .as("%s starts %s: %s", officer, key, started.body())
        .isEqualTo(200);
    return JSON.readTree(started.body()).path("id").asText();
  }

  /**
   * What became of a decision ({@code taskId}: the completed task, or the started process) as the
   * person who took it reads it in Tasklist, once its step settled, within 60 s.
   */
  static JsonNode outcome(RealmLogin officer, String taskId) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode outcome = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> answer =
          officer.get(ExportFixture.APP.resolve("/forms-api/decisions/" + taskId));
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      outcome = JSON.readTree(answer.body());
      String state = outcome.path("outcome").asText();
      if (!state.equals("PENDING") && !state.equals("RETRYING")) {
        return outcome;
      }
      Thread.sleep(250);
    }
    return outcome;
  }

  /** The one open task {@code key} of the instance, as {@code person} sees it, within 60 s. */
  static JsonNode task(String person, String instance, String key) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonNode tasks =
          JSON.readTree(
              Workflow.get(
                      "task?processInstanceId=" + instance + "&taskDefinitionKey=" + key,
                      ExportFixture.tokens.get(person))
                  .body());
      if (tasks.size() == 1) {
        return tasks.get(0);
      }
      assertThat(System.nanoTime())
          .as("%s sees %s of %s", person, key, instance)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** {@code person} claims and completes the task with its form's {@code fields}. */
  static void complete(String person, JsonNode task, Map<String, String> fields) throws Exception {
    var done =
        Workflow.complete(
            task.path("id").asText(), ExportFixture.tokens.get(person), variables(fields));
    assertThat(done.statusCode())
        .as("%s completes %s: %s", person, task, done.body())
        .isIn(200, 204);
  }

  /** The end event the instance ended at, once it has ended (within 60 s). */
  static String endedAt(String instance) throws Exception {
    String admin = ExportFixture.tokens.get("admin");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      JsonNode ended =
          JSON.readTree(
              Workflow.get(
                      "history/activity-instance?processInstanceId="
                          + instance
                          + "&activityType=noneEndEvent",
                      admin)
                  .body());
      JsonNode running =
          JSON.readTree(
              Workflow.get("process-instance?processInstanceIds=" + instance, admin).body());
      if (ended.size() > 0 && running.isEmpty()) {
        return ended.get(ended.size() - 1).path("activityId").asText();
      }
      assertThat(System.nanoTime()).as("%s ends", instance).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** A variable of the instance, running or ended, as the engine's history holds it. */
  static String variable(String instance, String name) throws Exception {
    JsonNode found =
        JSON.readTree(
            Workflow.get(
                    "history/variable-instance?processInstanceId="
                        + instance
                        + "&variableName="
                        + name,
                    ExportFixture.tokens.get("admin"))
                .body());
    return found.size() == 0 ? null : found.get(0).path("value").asText();
  }

  /**
   * The registry's decision trail of an exporter or a buyer, read as ECTA's run officer once every
   * peer has every block.
   */
  static JsonNode trail(RealNetwork network, String subject, String id) throws Exception {
    ExportFixture.people.settle();
    try (var ledger = network.connector()) {
      return ledger
          .userManagement()
          .registryDecisions(ExportFixture.people.signatory("ecta"), subject, id);
    }
  }

  /** The exporter's standing as the chaincodes decide on it, once every peer has every block. */
  static String standing(RealNetwork network, String exporterId) throws Exception {
    ExportFixture.people.settle();
    try (var ledger = network.connector()) {
      return ledger
          .userManagement()
          .exporterStatus(ExportFixture.people.signatory("ecta"), exporterId);
    }
  }

  static String userIdOf(String username) throws Exception {
    return new KeycloakAdmin(new RealmLogin().secret("keycloak-admin")).userId(username);
  }

  /** An exporter of a test's own, licensed by ECTA, with a Keycloak account to file with. */
  record Exporter(String id, String username, String password) {
    static Exporter licensed(RealNetwork network, String label) throws Exception {
      String run = ExportFixture.people.run;
      String id = "EXPORTER-" + label + "-" + run;
      String username = "it-" + label.toLowerCase() + "-" + run;
      String password = "It-" + UUID.randomUUID() + "-pw";
      var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
      keycloak.setAttribute(
          keycloak.createUser(username, password, "exporters", "exporter"), "exporterId", id);
      try (var ledger = network.connector()) {
        ledger
            .userManagement()
            .registerExporter(
                ExportFixture.people.signatory("ecta"),
                id,
                "{\"name\":\"Yirgacheffe Growers\",\"licenceNumber\":\"LIC-"
                    + label
                    + "-"
                    + run
                    + "\",\"competenceCertificateNumber\":\"CC-"
                    + label
                    + "-"
                    + run
                    + "\",\"licenceExpiry\":\"2099-12-31\",\"competenceCertificateExpiry\":\"2099-12-31\",\"tin\":\"0076543210\",\"capitalEtb\":20000000}");
      }
      ExportFixture.people.settle();
      return new Exporter(id, username, password);
    }

    /** Files an export of this exporter's, for {@code buyerId}, through the submission API. */
    HttpResponse<String> file(String buyerId) throws Exception {
      ObjectNode body = ExportFixture.filing();
      ((ObjectNode) body.get("request"))
          .put("exporterId", id)
          .put("contractNumber", "SC-" + UUID.randomUUID().toString().substring(0, 8));
      ((ObjectNode) body.get("terms")).put("buyerId", buyerId);
      return ExportFixture.send(
          "POST",
          "/api/exports",
          RealmLogin.accessToken(username, password, ""),
          body.toString(),
          Map.of("Idempotency-Key", "admin-" + UUID.randomUUID()));
    }
  }

  static String variables(Map<String, String> fields) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    fields.forEach((k, v) -> vars.putObject(k).put("value", v).put("type", "String"));
    return body.toString();
  }
}
