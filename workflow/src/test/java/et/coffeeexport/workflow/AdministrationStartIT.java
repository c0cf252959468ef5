package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Officers start the administration processes their group may start, from Tasklist, with the start
 * form's fields and nothing else; the engine checks those fields as it checks a task's. A probe
 * process (started by ECTA, a required and bounded reason) stands for them, so the rule is shown
 * apart from any one process.
 */
class AdministrationStartIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "StartProbe" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void probe() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    ExportFixture.ready(NETWORK);
    String admin = ExportFixture.tokens.get("admin");
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="http://coffee-export.et/test">
          <process id="%1$s" name="Start probe" isExecutable="true" camunda:historyTimeToLive="P1D"
                   camunda:candidateStarterGroups="ecta">
            <startEvent id="Start" camunda:initiator="initiator">
              <extensionElements>
                <camunda:formData>
                  <camunda:formField id="reasons" label="Reasons" type="string">
                    <camunda:validation>
                      <camunda:constraint name="required" />
                      <camunda:constraint name="maxlength" config="40" />
                    </camunda:validation>
                  </camunda:formField>
                </camunda:formData>
              </extensionElements>
            </startEvent>
            <sequenceFlow id="f1" sourceRef="Start" targetRef="End"/>
            <endEvent id="End"/>
          </process>
        </definitions>
        """
            .formatted(KEY);
    var deployed = Workflow.deploy(admin, KEY, bpmn);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    // The platform grants a process's starters at start-up, for the models it deploys; a model
    // deployed afterwards gets its grant from the administrator, as the probe does here.
    for (String grant :
        new String[] {
          "{\"type\":1,\"permissions\":[\"READ\",\"CREATE_INSTANCE\"],\"groupId\":\"ecta\","
              + "\"resourceType\":6,\"resourceId\":\""
              + KEY
              + "\"}",
          "{\"type\":1,\"permissions\":[\"CREATE\"],\"groupId\":\"ecta\",\"resourceType\":8,"
              + "\"resourceId\":\"*\"}"
        }) {
      Workflow.call("POST", "authorization/create", admin, grant);
    }
  }

  private static String start(String user, String body) throws Exception {
    var response =
        Workflow.call(
            "POST",
            "process-definition/key/" + KEY + "/start",
            ExportFixture.tokens.get(user),
            body);
    return response.statusCode() + " " + response.body();
  }

  private static long instances() throws Exception {
    return JSON.readTree(
            Workflow.get(
                    "history/process-instance/count?processDefinitionKey=" + KEY,
                    ExportFixture.tokens.get("admin"))
                .body())
        .path("count")
        .asLong();
  }

  @Test
  void aStartersOfficerStartsWithTheFormsFieldsAndNobodyElseStartsAtAll() throws Exception {
    String reasons = "{\"variables\":{\"reasons\":{\"value\":\"licence forged\"}}}";
    assertThat(start("commercial-bank.officer", reasons))
        .startsWith("403")
        .contains("is not started by your group");
    assertThat(start("ecta.officer", "{\"businessKey\":\"EXP-1\",\"variables\":{}}"))
        .startsWith("400")
        .contains("businessKey");
    assertThat(
            start(
                "ecta.officer",
                "{\"variables\":{\"reasons\":{\"value\":\"x\"},\"initiator\":{\"value\":\"admin\"}}}"))
        .startsWith("400")
        .contains("initiator is not a field of the start form of Start probe");
    assertThat(start("ecta.officer", "{\"variables\":{}}"))
        .as("the engine checks the start form as it checks a task's")
        .startsWith("400")
        .contains("reasons");
    assertThat(
            start(
                "ecta.officer",
                "{\"variables\":{\"reasons\":{\"value\":\"" + "x".repeat(41) + "\"}}}"))
        .startsWith("400")
        .contains("longer than 40");
    assertThat(instances()).isZero();

    String started = start("ecta.officer", reasons);
    assertThat(started).startsWith("200");
    String instance = JSON.readTree(started.substring(4)).path("id").asText();
    java.util.Map<String, String> variables = new java.util.HashMap<>();
    JSON.readTree(
            Workflow.get(
                    "history/variable-instance?processInstanceId=" + instance,
                    ExportFixture.tokens.get("admin"))
                .body())
        .forEach(v -> variables.put(v.path("name").asText(), v.path("value").asText()));
    assertThat(variables)
        .containsEntry("initiator", "ecta.officer")
        .containsEntry("reasons", "licence forged");
  }

  @Test
  void tasklistOffersTheProcessToItsStartersOnly() throws Exception {
    String startable =
        "process-definition?latestVersion=true&active=true&startableInTasklist=true"
            + "&startablePermissionCheck=true&key="
            + KEY;
    assertThat(
            JSON.readTree(Workflow.get(startable, ExportFixture.tokens.get("ecta.officer")).body()))
        .hasSize(1);
    // Tasklist's start dialog renders the generated start form from the engine.
    var form =
        Workflow.get(
            "process-definition/key/" + KEY + "/rendered-form",
            ExportFixture.tokens.get("ecta.officer"));
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("reasons");
    assertThat(
            JSON.readTree(
                Workflow.get(startable, ExportFixture.tokens.get("commercial-bank.officer"))
                    .body()))
        .isEmpty();
  }
}
