package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The running workflow application, as `network/cec` started it. */
final class Workflow {
  static final URI REST = URI.create("http://localhost:8080/engine-rest/");
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Workflow() {}

  static void requireRunning() throws Exception {
    var ready =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/health/readiness"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode())
        .as("the workflow application is up (network/cec up starts it)")
        .isEqualTo(200);
  }

  static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    var request =
        HttpRequest.newBuilder(REST.resolve(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Completes a task as Tasklist does: claims it for the token's user first (only a task's assignee
   * may complete it), then completes it with {@code json}.
   */
  static HttpResponse<String> complete(String taskId, String token, String json) throws Exception {
    String user =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]))
            .path("preferred_username")
            .asText();
    var claimed = call("POST", "task/" + taskId + "/claim", token, "{\"userId\":\"" + user + "\"}");
    if (claimed.statusCode() != 204) {
      return claimed;
    }
    return call("POST", "task/" + taskId + "/complete", token, json);
  }

  static HttpResponse<String> get(String path, String token) throws Exception {
    return call("GET", path, token, null);
  }

  /**
   * Polls the JSON list at {@code path} as {@code token}'s user until it holds {@code size}
   * elements (60 s at most, every 100 ms); answers the list.
   */
  static com.fasterxml.jackson.databind.JsonNode awaitList(
      String path, String token, int size, String what) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      var list =
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(get(path, token).body());
      if (list.size() == size) {
        return list;
      }
      org.assertj.core.api.Assertions.assertThat(System.nanoTime())
          .as("%s within 60 s", what)
          .isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /**
   * Deploys (as {@code token}'s user) a probe process {@code key} whose one user task {@code
   * taskId} is offered to {@code candidateGroup}: how the tests check who sees whose work.
   */
  static HttpResponse<String> deployProbe(
      String token, String key, String taskId, String candidateGroup) throws Exception {
    String bpmn =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                     xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                     targetNamespace="http://coffee-export.et/test">
          <process id="%1$s" name="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="Start"/>
            <sequenceFlow id="f1" sourceRef="Start" targetRef="%2$s"/>
            <userTask id="%2$s" name="%2$s" camunda:candidateGroups="%3$s"/>
            <sequenceFlow id="f2" sourceRef="%2$s" targetRef="End"/>
            <endEvent id="End"/>
          </process>
        </definitions>
        """
            .formatted(key, taskId, candidateGroup);
    return deploy(token, key, bpmn);
  }

  /** Deploys {@code bpmn} as the administrator {@code token} names, under {@code name}. */
  static HttpResponse<String> deploy(String token, String name, String bpmn) throws Exception {
    String key = name;
    String boundary = "----probe" + java.util.UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + key
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"enable-duplicate-filtering\"\r\n\r\ntrue\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"probe.bpmn\"; filename=\"probe.bpmn\"\r\n"
            + "Content-Type: application/xml\r\n\r\n"
            + bpmn
            + "\r\n--"
            + boundary
            + "--\r\n";
    return HTTP.send(
        HttpRequest.newBuilder(REST.resolve("deployment/create"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(
                HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
