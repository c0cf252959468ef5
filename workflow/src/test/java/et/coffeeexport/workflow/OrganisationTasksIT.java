package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.identity.RealmLogin;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Officers see and work only their own organisation's tasks, through the engine REST API with their
 * own tokens: the engine's authorizations, fed the token's user and groups, decide.
 */
class OrganisationTasksIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "OrganisationTaskProbe";
  private static String ecxOfficer;
  private static String customsOfficer;
  private static String admin;

  @BeforeAll
  static void deployAProcessWithACustomsTask() throws Exception {
    Workflow.requireRunning();
    admin = RealmLogin.accessToken("admin");
    ecxOfficer = RealmLogin.accessToken("ecx.officer");
    customsOfficer = RealmLogin.accessToken("custom-authorities.officer");
    assertThat(deploy(admin).statusCode()).isEqualTo(200);
  }

  @Test
  void anEcxOfficerCanNeitherSeeNorWorkACustomsTask() throws Exception {
    String task = startAndFindTask();

    assertThat(tasksOf(ecxOfficer, task)).as("not in the ECX officer's task list").isEmpty();
    assertThat(Workflow.get("task/" + task, ecxOfficer).statusCode()).isIn(403, 404);
    assertThat(
            Workflow.call("POST", "task/" + task + "/claim", ecxOfficer, claim("ecx.officer"))
                .statusCode())
        .isEqualTo(403);
    assertThat(Workflow.call("POST", "task/" + task + "/complete", ecxOfficer, "{}").statusCode())
        .isEqualTo(403);
    assertThat(Workflow.get("task/" + task, admin).statusCode())
        .as("the task is untouched")
        .isEqualTo(200);
  }

  @Test
  void aCustomsOfficerSeesClaimsAndCompletesIt() throws Exception {
    String task = startAndFindTask();

    assertThat(tasksOf(customsOfficer, task)).hasSize(1);
    assertThat(
            Workflow.call(
                    "POST",
                    "task/" + task + "/claim",
                    customsOfficer,
                    claim("custom-authorities.officer"))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            Workflow.call("POST", "task/" + task + "/complete", customsOfficer, "{}").statusCode())
        .isIn(200, 204);
    assertThat(Workflow.get("task/" + task, admin).statusCode()).as("completed").isEqualTo(404);
  }

  @Test
  void anAnalystReadsTheProcessButCannotWorkItsTasks() throws Exception {
    String task = startAndFindTask();
    String analyst = RealmLogin.accessToken("analyst");
    assertThat(tasksOf(analyst, task)).hasSize(1);
    assertThat(Workflow.call("POST", "task/" + task + "/complete", analyst, "{}").statusCode())
        .isEqualTo(403);
  }

  private static String startAndFindTask() throws Exception {
    String businessKey = "probe-" + UUID.randomUUID();
    var started =
        Workflow.call(
            "POST",
            "process-definition/key/" + KEY + "/start",
            admin,
            "{\"businessKey\":\"" + businessKey + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).get("id").asText();
    JsonNode tasks =
        JSON.readTree(Workflow.get("task?processInstanceId=" + instance, admin).body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static JsonNode tasksOf(String token, String taskId) throws Exception {
    var response = Workflow.get("task?taskId=" + taskId, token);
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String claim(String userId) {
    return "{\"userId\":\"" + userId + "\"}";
  }

  /** Deploys the probe process (duplicate filtering: once per model), as {@code token}. */
  static HttpResponse<String> deploy(String token) throws Exception {
    return Workflow.deployProbe(token, KEY, "ClearAtCustoms", "custom-authorities");
  }
}
