package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The guard in front of the engine's two HTTP surfaces, with the engine replaced by a map of tasks:
 * who reaches which call, what a completion may carry, and how errors go out.
 */
class EngineRestGuardTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TASK = "906cb012-edc8-11f1-b4db-02fc00000001";
  private static final String OFFICER = "commercial-bank.officer";

  private final Map<String, EngineRestGuard.TaskForm> tasks = new HashMap<>();
  private final Map<String, EngineRestGuard.StartForm> starts = new HashMap<>();
  private final EngineRestGuard guard =
      new EngineRestGuard(
          new EngineRestGuard.Engine() {
            @Override
            public Optional<EngineRestGuard.TaskForm> task(String taskId) {
              return Optional.ofNullable(tasks.get(taskId));
            }

            @Override
            public boolean taskExists(String taskId) {
              return tasks.containsKey(taskId);
            }

            @Override
            public boolean processInstanceExists(String id) {
              return id.equals("1234");
            }

            @Override
            public boolean executionExists(String id) {
              return id.equals("1234");
            }

            @Override
            public Optional<EngineRestGuard.StartForm> startForm(String definitionId, String key) {
              return Optional.ofNullable(starts.get(key != null ? key : definitionId));
            }
          });

  /** What reached the engine, if anything. */
  private final AtomicReference<String> forwardedBody = new AtomicReference<>();

  private boolean reachedEngine;

  @AfterEach
  void signOut() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void anExportersTokenGets403OnEveryEngineCall() throws Exception {
    token("it-exporter", List.of("/exporters"), List.of("exporter"));
    for (String path : List.of("/engine-rest/task", "/engine-rest/version", "/engine-rest/")) {
      var response = call("GET", path, null);
      assertProblem(response, 403);
      assertThat(detail(response)).contains("/api");
    }
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void theExporterRoleAloneIsEnough() throws Exception {
    token("it-exporter", List.of(), List.of("exporter"));
    assertProblem(call("GET", "/engine-rest/task", null), 403);
  }

  @Test
  void theExportersGroupAloneIsEnough() throws Exception {
    token("it-exporter", List.of("/exporters", "/ecta"), List.of());
    assertProblem(call("GET", "/engine-rest/task", null), 403);
  }

  @Test
  void aSubgroupNamedLikeTheAdministratorsGrantsNothing() throws Exception {
    token(OFFICER, List.of("/commercial-bank", "/commercial-bank/camunda-admin"), List.of());
    assertProblem(call("POST", "/engine-rest/deployment/create", "{}"), 403);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void anExporterInTheWebappsSessionGets403() throws Exception {
    var request = webapp("GET", "/camunda/api/engine/engine/default/task", "exporter", "exporters");
    assertProblem(run(request), 403);
    assertThat(reachedEngine).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /engine-rest/task",
    "GET, /engine-rest/task/count",
    "POST, /engine-rest/task",
    "GET, /engine-rest/engine/default/task",
    "GET, /engine-rest/task/" + TASK,
    "GET, /engine-rest/task/" + TASK + "/form-variables",
    "GET, /engine-rest/task/" + TASK + "/form",
    "GET, /engine-rest/task/" + TASK + "/rendered-form",
    "GET, /engine-rest/task/" + TASK + "/identity-links",
    "GET, /engine-rest/task/" + TASK + "/comment",
    "POST, /engine-rest/task/" + TASK + "/comment/create",
    "POST, /engine-rest/task/" + TASK + "/unclaim",
    "GET, /engine-rest/process-definition/StageReview:1:2e0e310f/xml",
    "GET, /engine-rest/process-definition/key/CancellationForCause/startForm",
    "GET, /engine-rest/process-definition/key/CancellationForCause/form-variables",
    "GET, /engine-rest/process-definition/CancellationForCause:1:9/rendered-form",
    "GET, /engine-rest/history/task",
    "POST, /engine-rest/history/process-instance",
    // Recorded from Tasklist (commercial-bank.officer) and Cockpit (analyst) on the live app.
    "GET, /camunda/api/admin/auth/user/default",
    "GET, /camunda/api/engine/engine/",
    "GET, /camunda/api/engine/engine/default/filter",
    "OPTIONS, /camunda/api/engine/engine/default/filter",
    "GET, /camunda/api/engine/engine/default/filter/count",
    "POST, /camunda/api/engine/engine/default/filter/5a4a/list",
    "GET, /camunda/api/engine/engine/default/history/user-operation",
    "GET, /camunda/api/engine/engine/default/history/user-operation/count",
    "GET, /camunda/api/engine/engine/default/process-definition",
    "GET, /camunda/api/engine/engine/default/process-definition/count",
    "GET, /camunda/api/engine/engine/default/task/" + TASK,
    "GET, /camunda/api/engine/engine/default/task/" + TASK + "/comment",
    "GET, /camunda/api/engine/engine/default/task/" + TASK + "/form",
    "GET, /camunda/api/engine/engine/default/task/" + TASK + "/form-variables",
    "GET, /camunda/api/engine/engine/default/user/commercial-bank.officer/profile",
    "GET, /camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
    "GET, /camunda/api/cockpit/plugin/base/default/process-definition/statistics",
    "GET, /camunda/api/cockpit/plugin/base/default/process-definition/statistics-count",
    "GET, /camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js",
    "GET, /camunda/api/engine/engine/default/case-definition/count",
    "GET, /camunda/api/engine/engine/default/decision-definition",
    "GET, /camunda/api/engine/engine/default/decision-requirements-definition/count",
    "GET, /camunda/api/engine/engine/default/deployment",
    "GET, /camunda/api/engine/engine/default/deployment/1234/resources",
    "GET, /camunda/api/engine/engine/default/job-definition",
    "GET, /camunda/api/engine/engine/default/process-definition/ExportLifecycle:1:9f/static-called-process-definitions",
    "GET, /camunda/api/engine/engine/default/process-definition/ExportLifecycle:1:9f/statistics",
    "GET, /camunda/api/engine/engine/default/process-definition/statistics",
    "GET, /camunda/api/engine/engine/default/process-instance/1234",
    "GET, /camunda/api/engine/engine/default/process-instance/1234/activity-instances",
    "GET, /camunda/api/engine/engine/default/task/count",
    "GET, /camunda/api/engine/engine/default/task/report/candidate-group-count",
    "POST, /camunda/api/cockpit/plugin/base/default/incident/",
    "POST, /camunda/api/cockpit/plugin/base/default/incident/count",
    "POST, /camunda/api/cockpit/plugin/base/default/process-instance",
    "POST, /camunda/api/cockpit/plugin/base/default/process-instance/1234/called-process-instances",
    "POST, /camunda/api/engine/engine/default/group",
    "POST, /camunda/api/engine/engine/default/history/task/count",
    "POST, /camunda/api/engine/engine/default/process-instance",
    "POST, /camunda/api/engine/engine/default/process-instance/count",
    "POST, /camunda/api/engine/engine/default/variable-instance",
  })
  void officersAndAnalystsReachWhatTasklistAndCockpitCall(String method, String path)
      throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(null, Set.of()));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    var response = call(method, path, "{}");
    assertThat(reachedEngine).as("%s %s: %s", method, path, response.getContentAsString()).isTrue();
    SecurityContextHolder.clearContext();
    reachedEngine = false;
    run(webapp(method, path, "analyst", "process-analysts"));
    assertThat(reachedEngine).as("in the webapps' session: %s %s", method, path).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /engine-rest/task/" + TASK + "/variables/exportId",
    "POST, /engine-rest/task/" + TASK + "/variables",
    "DELETE, /engine-rest/task/" + TASK + "/variables/exportId",
    "PUT, /engine-rest/task/" + TASK + "/localVariables/exportId",
    "POST, /engine-rest/task/" + TASK + "/localVariables",
    "POST, /engine-rest/task/" + TASK + "/bpmnError",
    "POST, /engine-rest/task/" + TASK + "/bpmnEscalation",
    "POST, /engine-rest/task/" + TASK + "/delegate",
    "POST, /engine-rest/task/" + TASK + "/resolve",
    "POST, /engine-rest/task/" + TASK + "/identity-links",
    "PUT, /engine-rest/task/" + TASK,
    "DELETE, /engine-rest/task/" + TASK,
    "POST, /engine-rest/task/create",
    "POST, /engine-rest/process-instance/1234/variables",
    "PUT, /engine-rest/process-instance/1234/variables/valueUsd",
    "DELETE, /engine-rest/process-instance/1234",
    "POST, /engine-rest/process-instance/1234/modification",
    "PUT, /engine-rest/process-instance/1234/suspended",
    "PUT, /engine-rest/process-instance/suspended",
    "POST, /engine-rest/execution/1234/localVariables",
    "PUT, /engine-rest/execution/1234/localVariables/x",
    "POST, /engine-rest/execution/1234/messageSubscriptions/m/trigger",
    "POST, /engine-rest/modification/execute",
    "POST, /engine-rest/migration/execute",
    "POST, /engine-rest/message",
    "POST, /engine-rest/signal",
    "POST, /engine-rest/condition",
    "POST, /engine-rest/process-definition/key/ExportLifecycle/start",
    "POST, /engine-rest/process-definition/key/ExportLifecycle/submit-form",
    "POST, /engine-rest/process-definition/x:1:2/start",
    "PUT, /engine-rest/process-definition/x:1:2/suspended",
    "DELETE, /engine-rest/process-definition/x:1:2",
    "POST, /engine-rest/deployment/create",
    "POST, /engine-rest/deployment/1234/redeploy",
    "DELETE, /engine-rest/deployment/1234",
    "POST, /engine-rest/decision-definition/key/grade/evaluate",
    "POST, /engine-rest/external-task/fetchAndLock",
    "POST, /engine-rest/external-task/1234/complete",
    "PUT, /engine-rest/job/1234/retries",
    "POST, /engine-rest/job/1234/execute",
    "PUT, /engine-rest/incident/1234/annotation",
    "DELETE, /engine-rest/incident/1234",
    "POST, /engine-rest/batch/1234/suspended",
    "DELETE, /engine-rest/history/process-instance/1234",
    "POST, /engine-rest/history/process-instance/delete",
    "POST, /engine-rest/history/process-instance/set-removal-time",
    "POST, /engine-rest/user/create",
    "PUT, /engine-rest/user/x/credentials",
    "POST, /engine-rest/group/create",
    "PUT, /engine-rest/group/g/members/u",
    "POST, /engine-rest/authorization/create",
    "POST, /engine-rest/tenant/create",
    "POST, /engine-rest/filter/create",
    "PUT, /engine-rest/filter/5a4a",
    "POST, /engine-rest/variable-instance/1234",
    "GET, /engine-rest/telemetry/data",
    "POST, /camunda/api/engine/engine/default/task/" + TASK + "/bpmnError",
    "PUT, /camunda/api/engine/engine/default/task/" + TASK + "/variables/exportId",
    "POST, /camunda/api/engine/engine/default/deployment/create",
    "POST, /camunda/api/admin/setup/default/user/create",
    "POST, /camunda/api/admin/auth/user/default/login/tasklist",
    "GET, /camunda/api/admin/plugin/adminPlugins/default/audit",
    "POST, /camunda/api/tasklist/plugin/x/default/y",
  })
  void everythingElseIs403ForOfficers(String method, String path) throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of()));
    // The lifecycle starts through the submission API only: it has no candidate starters.
    for (String definition : List.of("ExportLifecycle", "x:1:2")) {
      starts.put(
          definition, new EngineRestGuard.StartForm("Coffee export", Set.of(), Set.of(), Set.of()));
    }
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    var response = call(method, path, "{}");
    assertProblem(response, 403);
    assertThat(reachedEngine).isFalse();
    SecurityContextHolder.clearContext();
    response = run(webapp(method, path, OFFICER, "commercial-bank"));
    assertProblem(response, 403);
    assertThat(reachedEngine).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "POST, /engine-rest/deployment/create",
    "POST, /engine-rest/task/" + TASK + "/bpmnError",
    "PUT, /engine-rest/process-instance/1234/variables/x",
    "POST, /engine-rest/user/create",
    "POST, /camunda/api/admin/plugin/adminPlugins/default/audit",
  })
  void administratorsReachEverything(String method, String path) throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(null, Set.of()));
    token("admin", List.of("/consortium-admins", "/camunda-admin"), List.of("admin"));
    call(method, path, "{}");
    assertThat(reachedEngine).isTrue();
  }

  @Test
  void theAssigneeCompletesWithTheFormsFields() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of("decision", "reasons")));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    String body =
        "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"reasons\":{\"value\":\"\"}}}";
    var response = call("POST", "/engine-rest/task/" + TASK + "/complete", body);
    assertThat(response.getStatus()).isEqualTo(204);
    assertThat(forwardedBody.get()).as("the engine reads the body the guard read").isEqualTo(body);
  }

  @Test
  void aCandidateStarterStartsAnAdministrationProcessWithItsStartFormsFieldsOnly()
      throws Exception {
    starts.put(
        "CancellationForCause",
        new EngineRestGuard.StartForm(
            "Cancellation for cause",
            Set.of("ecta", "national-bank"),
            Set.of(),
            Set.of("exportId", "reasons")));
    token("ecta.officer", List.of("/ecta"), List.of("officer"));
    String body =
        "{\"variables\":{\"exportId\":{\"value\":\"EXP-1\"},\"reasons\":{\"value\":\"fraud\"}}}";
    var started =
        call("POST", "/engine-rest/process-definition/key/CancellationForCause/start", body);
    assertThat(started.getStatus()).isEqualTo(204);
    assertThat(forwardedBody.get()).isEqualTo(body);

    reachedEngine = false;
    var withKey =
        call(
            "POST",
            "/engine-rest/process-definition/key/CancellationForCause/start",
            "{\"businessKey\":\"EXP-2\",\"variables\":{}}");
    assertProblem(withKey, 400);
    assertThat(detail(withKey)).contains("businessKey");
    var extra =
        call(
            "POST",
            "/engine-rest/process-definition/key/CancellationForCause/submit-form",
            "{\"variables\":{\"decidedBy.RecordCancellation\":{\"value\":\"someone\"}}}");
    assertProblem(extra, 400);
    assertThat(detail(extra)).contains("not a field of the start form of Cancellation for cause");
    assertThat(reachedEngine).isFalse();

    token("commercial-bank.officer", List.of("/commercial-bank"), List.of("officer"));
    var notStarter =
        call("POST", "/engine-rest/process-definition/key/CancellationForCause/start", body);
    assertProblem(notStarter, 403);
    assertProblem(
        call("POST", "/engine-rest/process-definition/key/NoSuchProcess/start", body), 404);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void submitFormFromTasklistIsCheckedTheSameWay() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of("decision")));
    String path = "/camunda/api/engine/engine/default/task/" + TASK + "/submit-form";
    run(webapp("POST", path, OFFICER, "commercial-bank", "{\"variables\":{\"decision\":{}}}"));
    assertThat(reachedEngine).isTrue();
    reachedEngine = false;
    var refused =
        run(
            webapp(
                "POST",
                path,
                OFFICER,
                "commercial-bank",
                "{\"variables\":{\"decision\":{},\"exportId\":{\"value\":\"EXP-OTHER\"}}}"));
    assertProblem(refused, 400);
    assertThat(detail(refused)).contains("exportId").doesNotContain("decision");
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void anUndeclaredVariableIsRefusedAndNamed() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of("decision")));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    var response =
        call(
            "POST",
            "/engine-rest/task/" + TASK + "/complete",
            "{\"variables\":{\"decision\":{\"value\":\"APPROVE\"},\"exportId\":{\"value\":\"EXP-X\"}}}");
    assertProblem(response, 400);
    assertThat(detail(response)).contains("exportId");
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void withNoDeclaredFieldsNoVariableMayBeSent() throws Exception {
    token("it-exporter-officer", List.of("/ecta"), List.of("officer"));
    tasks.put(TASK, new EngineRestGuard.TaskForm("it-exporter-officer", Set.of()));
    var response =
        call(
            "POST",
            "/engine-rest/task/" + TASK + "/complete",
            "{\"variables\":{\"valueUsd\":{\"value\":1}}}");
    assertProblem(response, 400);
    assertThat(detail(response)).contains("valueUsd");
    assertThat(call("POST", "/engine-rest/task/" + TASK + "/complete", "").getStatus())
        .as("an empty body completes")
        .isEqualTo(204);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"variables\":{\"decision\":{}},\"variables\":{\"exportId\":{}}}",
        "{\"Variables\":{\"exportId\":{}}}",
        "{\"variables\":[\"exportId\"]}",
        "[1]",
        "{\"variables\":",
        "{\"variables\":{\"decision\":{}}} {\"variables\":{\"exportId\":{}}}",
      })
  void bodiesTheEngineCouldReadOtherwiseAreRefused(String body) throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of("decision")));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    assertProblem(call("POST", "/engine-rest/task/" + TASK + "/complete", body), 400);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void onlyTheAssigneeCompletes() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(null, Set.of("decision")));
    token("custom-authorities.officer", List.of("/custom-authorities"), List.of("officer"));
    var unclaimed = call("POST", "/engine-rest/task/" + TASK + "/complete", "{}");
    assertProblem(unclaimed, 403);
    assertThat(detail(unclaimed)).contains("claim");
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of("decision")));
    assertProblem(call("POST", "/engine-rest/task/" + TASK + "/complete", "{}"), 403);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void aTaskIsClaimedOnlyForOneself() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(null, Set.of()));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    String claim = "/engine-rest/task/" + TASK + "/claim";
    assertProblem(call("POST", claim, "{\"userId\":\"commercial-bank.supervisor\"}"), 403);
    assertProblem(call("POST", claim, "{}"), 403);
    assertThat(reachedEngine).isFalse();
    call("POST", claim, "{\"userId\":\"" + OFFICER + "\"}");
    assertThat(reachedEngine).isTrue();
    reachedEngine = false;
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of()));
    call("POST", "/engine-rest/task/" + TASK + "/assignee", "{\"userId\":null}");
    assertThat(reachedEngine).as("the assignee may hand the task back").isTrue();
    reachedEngine = false;
    call("POST", "/engine-rest/task/" + TASK + "/unclaim", null);
    assertThat(reachedEngine).isTrue();
  }

  @Test
  void aCandidateCannotTakeAColleaguesTaskAway() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm("commercial-bank.supervisor", Set.of()));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    assertProblem(call("POST", "/engine-rest/task/" + TASK + "/unclaim", null), 403);
    assertProblem(
        call("POST", "/engine-rest/task/" + TASK + "/assignee", "{\"userId\":null}"), 403);
    assertProblem(
        call("POST", "/engine-rest/task/" + TASK + "/assignee", "{\"userId\":\"x\"}"), 403);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void negativePagingIs400ForEveryone() throws Exception {
    token("admin", List.of("/camunda-admin"), List.of("admin"));
    for (String query :
        List.of("maxResults=-5", "firstResult=-1", "maxResults=abc", "maxResults=%zz")) {
      var response = call("GET", "/engine-rest/task?" + query, null);
      assertProblem(response, 400);
    }
    assertThat(reachedEngine).isFalse();
    call("GET", "/engine-rest/task?maxResults=5&firstResult=0", null);
    assertThat(reachedEngine).isTrue();
  }

  @Test
  void anUnknownTaskOrInstanceIs404() throws Exception {
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    var response =
        call("GET", "/engine-rest/task/ffffffff-0000-0000-0000-000000000000/variables", null);
    assertProblem(response, 404);
    assertProblem(call("GET", "/engine-rest/process-instance/999/variables", null), 404);
    assertProblem(call("GET", "/engine-rest/execution/999/localVariables", null), 404);
    SecurityContextHolder.clearContext();
    token("admin", List.of("/camunda-admin"), List.of());
    assertProblem(call("POST", "/engine-rest/task/999/variables", "{}"), 404);
    assertThat(reachedEngine).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "/engine-rest/task/1/..%2Fvariables",
    "/engine-rest/task;x=1/count",
    "/engine-rest/task//count",
    "/engine-rest/task/./count",
  })
  void pathsAMatcherCouldReadDifferentlyAre400(String path) throws Exception {
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    assertProblem(call("GET", path, null), 400);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void theEnginesErrorsGoOutAsProblemsWithoutClassNames() throws Exception {
    token("admin", List.of("/camunda-admin"), List.of());
    var request = new MockHttpServletRequest("GET", "/engine-rest/process-definition/x:1:2/xml");
    var response = new MockHttpServletResponse();
    FilterChain engine =
        (req, res) -> {
          var http = (jakarta.servlet.http.HttpServletResponse) res;
          http.setContentType("application/json");
          http.setContentLength(120);
          http.setStatus(500);
          http.getOutputStream()
              .write(
                  ("{\"type\":\"NullValueException\",\"message\":\"definition is null: "
                          + "org.camunda.bpm.engine.impl.persistence.entity.Foo\",\"code\":0}")
                      .getBytes(StandardCharsets.UTF_8));
        };
    guard.doFilter(request, response, engine);
    assertProblem(response, 400);
    assertThat(response.getContentAsString())
        .doesNotContain("NullValueException")
        .doesNotContain("org.camunda");

    var serverError = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task"),
        serverError,
        (req, res) -> {
          ((jakarta.servlet.http.HttpServletResponse) res).setStatus(500);
          res.getWriter()
              .write(
                  "{\"type\":\"ProcessEnginePersistenceException\",\"message\":\"ERROR: relation"
                      + " act_ru_task\"}");
        });
    assertProblem(serverError, 500);
    assertThat(serverError.getContentAsString())
        .doesNotContain("Persistence")
        .doesNotContain("act_ru");

    var fine = new MockHttpServletResponse();
    guard.doFilter(
        new MockHttpServletRequest("GET", "/engine-rest/task"),
        fine,
        (req, res) -> {
          res.setContentType("application/json");
          res.getWriter().write("[]");
        });
    assertThat(fine.getContentAsString()).isEqualTo("[]");
    assertThat(fine.getContentType()).isEqualTo("application/json");
  }

  @Test
  void aMethodOverrideIsRefused() throws Exception {
    tasks.put(TASK, new EngineRestGuard.TaskForm(OFFICER, Set.of()));
    token(OFFICER, List.of("/commercial-bank"), List.of("officer"));
    var request = request("GET", "/engine-rest/task/" + TASK, null);
    request.addHeader("X-HTTP-Method-Override", "DELETE");
    assertProblem(run(request), 400);
    assertThat(reachedEngine).isFalse();
  }

  @Test
  void otherPathsAreNotTheGuardsBusiness() throws Exception {
    token("it-exporter", List.of("/exporters"), List.of("exporter"));
    call("GET", "/api/exports", null);
    assertThat(reachedEngine).isTrue();
  }

  // -- helpers

  private static void token(String username, List<String> groups, List<String> roles) {
    Jwt jwt =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("id-" + username)
            .claim("preferred_username", username)
            // The realm gives groups by full path.
            .claim("groups", groups)
            .claim("realm_access", Map.of("roles", roles))
            .build();
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
  }

  private static MockHttpServletRequest webapp(
      String method, String path, String user, String group) {
    return webapp(method, path, user, group, "{}");
  }

  private static MockHttpServletRequest webapp(
      String method, String path, String user, String group, String body) {
    var request = request(method, path, body);
    var authentication = new UserAuthentication(user, "default");
    authentication.setGroupIds(List.of(group));
    var authentications = new Authentications();
    authentications.addOrReplace(authentication);
    var session = new MockHttpSession();
    session.setAttribute("authenticatedUser", authentications);
    request.setSession(session);
    return request;
  }

  private static MockHttpServletRequest request(String method, String path, String body) {
    int q = path.indexOf('?');
    var request = new MockHttpServletRequest(method, q < 0 ? path : path.substring(0, q));
    if (q >= 0) {
      request.setQueryString(path.substring(q + 1));
    }
    if (body != null) {
      request.setContentType("application/json");
      request.setContent(body.getBytes(StandardCharsets.UTF_8));
    }
    return request;
  }

  private MockHttpServletResponse call(String method, String path, String body) throws Exception {
    return run(request(method, path, body));
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    var response = new MockHttpServletResponse();
    guard.doFilter(
        request,
        response,
        (req, res) -> {
          reachedEngine = true;
          forwardedBody.set(
              new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
          ((jakarta.servlet.http.HttpServletResponse) res).setStatus(204);
        });
    return response;
  }

  private static void assertProblem(MockHttpServletResponse response, int status) throws Exception {
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.getContentAsByteArray());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("title").asText()).isNotEmpty();
  }

  private static String detail(MockHttpServletResponse response) throws Exception {
    return JSON.readTree(response.getContentAsByteArray()).path("detail").asText();
  }
}
