package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Prometheus `network/cec up` starts scrapes every component, and sees the business metrics.
 */
class MonitoringIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI PROMETHEUS = URI.create("http://127.0.0.1:9090");

  @Test
  void everyComponentIsScrapedAndUp() throws Exception {
    Set<String> down = new TreeSet<>();
    Set<String> jobs = new TreeSet<>();
    Instant deadline = Instant.now().plusSeconds(60);
    do {
      down.clear();
      jobs.clear();
      for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
        jobs.add(target.path("labels").path("job").asText());
        if (!"up".equals(target.path("health").asText())) {
          down.add(target.path("scrapeUrl").asText() + " " + target.path("lastError").asText());
        }
      }
      if (down.isEmpty()) {
        break;
      }
      Thread.sleep(1000);
    } while (Instant.now().isBefore(deadline));
    assertThat(jobs)
        .containsExactlyInAnyOrder(
            "peers", "orderers", "certificate-authorities", "workflow", "keycloak", "ipfs");
    assertThat(down).as("targets not up").isEmpty();
    JsonNode peers =
        get("/api/v1/query?query=count(ledger_blockchain_height)").path("data").path("result");
    assertThat(peers.get(0).path("value").get(1).asInt()).isGreaterThanOrEqualTo(6);
    JsonNode exports = get("/api/v1/query?query=count(coffee_exports)").path("data").path("result");
    assertThat(exports.get(0).path("value").get(1).asInt())
        .as("a series per export status")
        .isGreaterThan(10);
  }

  private static JsonNode get(String path) throws Exception {
    var response =
        Workflow.HTTP.send(
            HttpRequest.newBuilder(PROMETHEUS.resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
