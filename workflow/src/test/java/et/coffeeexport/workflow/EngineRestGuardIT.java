package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The engine's HTTP surfaces expose what Tasklist needs and no more, with real tokens against the
 * running platform: each attack found on it is refused as a problem, and neither the process nor
 * the ledger moves; the officer's own completion, with the form's fields, still goes through.
 */
class EngineRestGuardIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OFFICER = "commercial-bank.officer";

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  /** An export filed now, waiting at Commercial Bank's review: its id and the review's task. */
  private record Waiting(String exportId, String taskId, String processInstanceId) {}

  private static Waiting anExportAtTheBank() throws Exception {
    String exportId = ExportFixture.filedWithContract("guard");
    JsonNode tasks = ExportFixture.awaitTasks(officer(), exportId, "Review");
    assertThat(tasks).as("the bank's review of %s", exportId).hasSize(1);
    return new Waiting(
        exportId, tasks.get(0).get("id").asText(), tasks.get(0).get("processInstanceId").asText());
  }

  @Test
  void anOfficerCannotPointTheirTaskAtAnotherExportWhileCompletingIt() throws Exception {
    Waiting export = anExportAtTheBank();
    Waiting other = anExportAtTheBank();
    int decisions = ExportFixture.status(export.exportId()).path("decisions").asInt();
    assertThat(claim(export.taskId(), OFFICER).statusCode()).isEqualTo(204);

    for (String undeclared : List.of("exportId", "valueUsd", "candidateGroup")) {
      var refused =
          Workflow.call(
              "POST",
              "task/" + export.taskId() + "/complete",
              officer(),
              "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\""
                  + undeclared
                  + "\":{\"value\":\""
                  + other.exportId()
                  + "\"}}}");
      assertProblem(refused, 400);
      assertThat(detail(refused)).contains(undeclared);
    }
    var viaForm =
        Workflow.call(
            "POST",
            "task/" + export.taskId() + "/submit-form",
            officer(),
            "{\"variables\":{\"exportId\":{\"value\":\"" + other.exportId() + "\"}}}");
    assertProblem(viaForm, 400);

    assertThat(variable(export.taskId(), "exportId")).isEqualTo(export.exportId());
    assertThat(Workflow.get("task/" + export.taskId(), admin()).statusCode())
        .as("the task is still open")
        .isEqualTo(200);
    JsonNode ledger = ExportFixture.status(export.exportId());
    assertThat(ledger.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(ledger.path("decisions").asInt()).isEqualTo(decisions);
    assertThat(ExportFixture.status(other.exportId()).path("status").asText())
        .isEqualTo("SUBMITTED");

    // The same officer's completion with the form's own field goes through.
    var done =
        Workflow.call(
            "POST",
            "task/" + export.taskId() + "/complete",
            officer(),
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
    assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
    assertThat(
            ExportFixture.awaitStatus(export.exportId(), "BANK_VERIFIED").path("status").asText())
        .isEqualTo("BANK_VERIFIED");
    assertThat(ExportFixture.status(other.exportId()).path("status").asText())
        .as("the other export is untouched")
        .isEqualTo("SUBMITTED");
  }

  @Test
  void aCandidateCannotEndTheExportWithABpmnError() throws Exception {
    Waiting export = anExportAtTheBank();
    String body = "{\"errorCode\":\"EXPORT_REJECTED\",\"errorMessage\":\"rejected\"}";
    assertProblem(
        Workflow.call("POST", "task/" + export.taskId() + "/bpmnError", officer(), body), 403);
    assertThat(claim(export.taskId(), OFFICER).statusCode()).isEqualTo(204);
    assertProblem(
        Workflow.call("POST", "task/" + export.taskId() + "/bpmnError", officer(), body), 403);
    assertProblem(
        Workflow.call(
            "POST",
            "task/" + export.taskId() + "/bpmnEscalation",
            officer(),
            "{\"escalationCode\":\"x\"}"),
        403);

    assertThat(Workflow.get("task/" + export.taskId(), admin()).statusCode()).isEqualTo(200);
    JsonNode running =
        JSON.readTree(
            Workflow.get(
                    "process-instance?businessKey=" + export.exportId() + "&active=true", admin())
                .body());
    assertThat(running).as("the export's processes still run").isNotEmpty();
    assertThat(ExportFixture.status(export.exportId()).path("status").asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void anExportersTokenGets403OnTheEngineRestApi() throws Exception {
    String exporter = ExportFixture.exporterToken();
    for (String path : List.of("task", "version", "process-definition", "engine")) {
      assertProblem(Workflow.get(path, exporter), 403);
    }
    assertThat(detail(Workflow.get("task", exporter))).contains("/api");
  }

  @Test
  void variablesCannotBeSetAnywhere() throws Exception {
    Waiting export = anExportAtTheBank();
    assertThat(claim(export.taskId(), OFFICER).statusCode()).isEqualTo(204);
    String execution =
        JSON.readTree(Workflow.get("task/" + export.taskId(), admin()).body())
            .get("executionId")
            .asText();
    String value = "{\"value\":\"EXP-FORGED\",\"type\":\"String\"}";
    String modifications = "{\"modifications\":{\"exportId\":" + value + "}}";
    Map<String, String[]> calls =
        Map.ofEntries(
            Map.entry(
                "task variable", put("task/" + export.taskId() + "/variables/exportId", value)),
            Map.entry(
                "task variables", post("task/" + export.taskId() + "/variables", modifications)),
            Map.entry(
                "task local variable",
                put("task/" + export.taskId() + "/localVariables/exportId", value)),
            Map.entry(
                "task variable deleted",
                new String[] {"DELETE", "task/" + export.taskId() + "/variables/exportId", null}),
            Map.entry(
                "process variables",
                post(
                    "process-instance/" + export.processInstanceId() + "/variables",
                    modifications)),
            Map.entry(
                "process variable",
                put(
                    "process-instance/" + export.processInstanceId() + "/variables/exportId",
                    value)),
            Map.entry(
                "execution variable",
                put("execution/" + execution + "/localVariables/exportId", value)),
            Map.entry(
                "modification",
                post(
                    "process-instance/" + export.processInstanceId() + "/modification",
                    "{\"instructions\":[{\"type\":\"cancel\",\"activityId\":\"Review\"}]}")),
            Map.entry(
                "suspension",
                put(
                    "process-instance/" + export.processInstanceId() + "/suspended",
                    "{\"suspended\":true}")),
            Map.entry(
                "message",
                post(
                    "message",
                    "{\"messageName\":\"ExportCancelled\",\"businessKey\":\""
                        + export.exportId()
                        + "\"}")),
            Map.entry("signal", post("signal", "{\"name\":\"x\"}")),
            Map.entry(
                "start",
                post("process-definition/key/ExportLifecycle/start", "{\"variables\":{}}")),
            Map.entry(
                "evaluate", post("decision-definition/key/grade/evaluate", "{\"variables\":{}}")),
            Map.entry(
                "delegate", post("task/" + export.taskId() + "/delegate", "{\"userId\":\"x\"}")));
    for (var call : calls.entrySet()) {
      String[] c = call.getValue();
      var response = Workflow.call(c[0], c[1], officer(), c[2]);
      assertThat(response.statusCode()).as("%s: %s", call.getKey(), response.body()).isEqualTo(403);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    }
    assertThat(variable(export.taskId(), "exportId")).isEqualTo(export.exportId());
    assertThat(
            JSON.readTree(
                    Workflow.get("process-instance/" + export.processInstanceId(), admin()).body())
                .path("suspended")
                .asBoolean())
        .isFalse();
    assertThat(ExportFixture.status(export.exportId()).path("status").asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void aTaskIsClaimedOnlyForOneselfAndCompletedOnlyByItsAssignee() throws Exception {
    Waiting export = anExportAtTheBank();
    assertProblem(claim(export.taskId(), "commercial-bank.supervisor"), 403);
    var unclaimed =
        Workflow.call(
            "POST",
            "task/" + export.taskId() + "/complete",
            officer(),
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"}}}");
    assertProblem(unclaimed, 403);
    assertThat(detail(unclaimed)).contains("claim");
    assertThat(ExportFixture.status(export.exportId()).path("status").asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void deployingIsForAdministrators() throws Exception {
    assertProblem(OrganisationTasksIT.deploy(officer()), 403);
    assertProblem(OrganisationTasksIT.deploy(ExportFixture.tokens.get("analyst")), 403);
    var deployed = OrganisationTasksIT.deploy(admin());
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
  }

  @Test
  void negativePagingIs400AsAProblem() throws Exception {
    for (String token : List.of(officer(), admin())) {
      var response = Workflow.get("task?maxResults=-5", token);
      assertProblem(response, 400);
      assertThat(response.body()).doesNotContain("Exception");
      assertProblem(Workflow.get("task?firstResult=abc", token), 400);
    }
  }

  @Test
  void anUnknownTasksVariablesAre404AsAProblem() throws Exception {
    String unknown = UUID.randomUUID().toString();
    for (String token : List.of(officer(), admin())) {
      var response = Workflow.get("task/" + unknown + "/variables", token);
      assertProblem(response, 404);
      assertThat(response.body()).doesNotContain("Exception");
      assertProblem(Workflow.get("task/" + unknown + "/identity-links", token), 404);
      assertProblem(Workflow.get("process-instance/" + unknown + "/variables", token), 404);
    }
  }

  @Test
  void theEnginesOwnErrorsNameNoClass() throws Exception {
    var response = Workflow.get("process-definition/no-such-definition/xml", admin());
    assertProblem(response, 404);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("org.camunda");
  }

  @Test
  void anExporterSignedIntoTheWebappsGets403OnTheirEngineApi() throws Exception {
    String username = "it-guard-exporter-" + UUID.randomUUID().toString().substring(0, 8);
    String password = "It-" + UUID.randomUUID() + "-pw";
    var keycloak =
        new et.coffeeexport.identity.KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    String id = keycloak.createUser(username, password, "exporters", "exporter");
    try {
      RealmLogin browser = new RealmLogin();
      browser
          .startAt(URI.create("http://localhost:8080/camunda/app/tasklist/default/"))
          .submit(Map.of("username", username, "password", password));
      browser.followToApp();
      var tasks =
          browser.get(URI.create("http://localhost:8080/camunda/api/engine/engine/default/task"));
      assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(403);
      assertThat(tasks.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
    } finally {
      keycloak.deleteUser(id);
    }
  }

  @Test
  void anOfficerSignedIntoTasklistGetsTheSameAnswers() throws Exception {
    RealmLogin browser = new RealmLogin();
    String[] user = browser.devUser(OFFICER);
    browser
        .startAt(URI.create("http://localhost:8080/camunda/app/tasklist/default/"))
        .submit(Map.of("username", OFFICER, "password", user[1]))
        .submitTotp(user[2]);
    assertThat(browser.followToApp().statusCode()).isEqualTo(200);
    String api = "http://localhost:8080/camunda/api/engine/engine/default/";
    assertThat(browser.get(URI.create(api + "task")).statusCode()).isEqualTo(200);
    var paging = browser.get(URI.create(api + "task?maxResults=-5"));
    assertThat(paging.statusCode()).isEqualTo(400);
    assertThat(paging.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(
            browser.get(URI.create(api + "task/" + UUID.randomUUID() + "/variables")).statusCode())
        .isEqualTo(404);
    var start =
        Workflow.call(
            "POST",
            "process-definition/key/ExportLifecycle/submit-form",
            ExportFixture.tokens.get(OFFICER),
            "{\"variables\":{}}");
    assertThat(start.statusCode()).as("exports start through /api").isEqualTo(403);
    assertThat(start.body()).contains("not started by your group");
  }

  // -- helpers

  private static String officer() {
    return ExportFixture.tokens.get(OFFICER);
  }

  private static String admin() {
    return ExportFixture.tokens.get("admin");
  }

  private static HttpResponse<String> claim(String taskId, String userId) throws Exception {
    return Workflow.call(
        "POST", "task/" + taskId + "/claim", officer(), "{\"userId\":\"" + userId + "\"}");
  }

  private static String variable(String taskId, String name) throws Exception {
    var response = Workflow.get("task/" + taskId + "/variables/" + name, admin());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("value").asText();
  }

  private static String[] put(String path, String json) {
    return new String[] {"PUT", path, json};
  }

  private static String[] post(String path, String json) {
    return new String[] {"POST", path, json};
  }

  private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(status);
  }

  private static String detail(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).path("detail").asText();
  }
}
