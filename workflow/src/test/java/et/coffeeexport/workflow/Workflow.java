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
}
