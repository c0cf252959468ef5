package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad input against the running application: bodies far over the limits are refused (413) before
 * the application holds them, so its memory stays where it was; malformed bodies and missing fields
 * are 400 problems that say what is wrong; and a filing the ledger refuses leaves its
 * Idempotency-Key free for the corrected request.
 */
class BadInputIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MB = 1024 * 1024;
  private static final long UPLOAD = 300 * MB;

  @BeforeAll
  static void anExporterOfTheirOwn() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void aThreeHundredMegabyteUploadIs413AndTheApplicationsMemoryStaysPut() throws Exception {
    String path = "/api/exports/EXP-" + UUID.randomUUID().toString().substring(0, 8);
    String token = ExportFixture.exporterToken();
    // Warm the path up, so what is measured is the big body, not a first request's classes.
    upload(path, token, HttpRequest.BodyPublishers.ofString("%PDF-1.7"), false);
    long before = rssMb();

    var declared =
        upload(
            path, token, HttpRequest.BodyPublishers.fromPublisher(generated(UPLOAD), UPLOAD), true);
    assertProblem(declared, 413);
    assertThat(JSON.readTree(declared.body()).path("limitBytes").asLong()).isEqualTo(20 * MB);

    // Chunked, no length declared: the application counts as it reads and stops at the limit.
    // It may close the connection before this client has read the 413 (the client is still
    // sending); either way it must not have taken the body in.
    try {
      var chunked =
          upload(path, token, HttpRequest.BodyPublishers.fromPublisher(generated(UPLOAD)), false);
      assertProblem(chunked, 413);
    } catch (IOException closedWhileSending) {
      // the server closed the connection after refusing: as intended
    }
    Thread.sleep(2000);
    assertThat(rssMb())
        .as("the application's RSS (MB) after two 300 MB uploads, against %d before", before)
        .isBetween(before - 50, before + 50);
    Workflow.requireRunning();
  }

  @Test
  void hugeAndDeepJsonIsRefusedWhileReadAndTheApplicationStaysUp() throws Exception {
    long before = rssMb();
    long fifty = 50 * MB;
    var huge =
        Workflow.HTTP.send(
            filingRequest("fifty-mb-" + UUID.randomUUID())
                .expectContinue(true)
                .POST(HttpRequest.BodyPublishers.fromPublisher(numbers(fifty), fifty))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(huge, 413);
    String deep = "{\"request\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    var nested =
        Workflow.HTTP.send(
            filingRequest("deep-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofString(deep))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(nested, 400);
    assertThat(nested.body()).contains("nesting depth");
    assertThat(rssMb()).isBetween(before - 50, before + 50);
    Workflow.requireRunning();
  }

  @Test
  void malformedRequestsAreProblemsThatSayWhatIsWrong() throws Exception {
    var multipart =
        Workflow.HTTP.send(
            ExportFixture.exporterRequest("/api/exports")
                .header("Idempotency-Key", "mp-" + UUID.randomUUID())
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertProblem(multipart, 400);

    ObjectNode noPrice = ExportFixture.filing();
    ((ObjectNode) noPrice.get("terms")).remove("pricePerLbUsd");
    var missing = ExportFixture.file("no-price-" + UUID.randomUUID(), noPrice);
    assertProblem(missing, 400);
    assertThat(JSON.readTree(missing.body()).path("detail").asText())
        .isEqualTo("terms.pricePerLbUsd is required");

    var wrongMethod =
        ExportFixture.call("DELETE", "/api/exports", ExportFixture.exporterToken(), null);
    assertProblem(wrongMethod, 405);
    var nowhere = ExportFixture.call("GET", "/api/nowhere", ExportFixture.exporterToken(), null);
    assertProblem(nowhere, 404);
    var text =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.exporterToken(),
            null,
            Map.of("Idempotency-Key", "text-" + UUID.randomUUID(), "Content-Type", "text/plain"));
    assertProblem(text, 415);
  }

  @Test
  void aFilingTheLedgerRefusesLeavesItsKeyFreeForTheCorrectedRequest() throws Exception {
    String key = "refused-" + UUID.randomUUID();
    ObjectNode wrong = ExportFixture.filing();
    ((ObjectNode) wrong.get("request")).put("quantityKg", 0);
    var refused = ExportFixture.file(key, wrong);
    assertProblem(refused, 400);
    assertThat(JSON.readTree(refused.body()).path("code").asText())
        .as("the chaincode refused it: %s", refused.body())
        .isEqualTo("INVALID_ARGUMENT");
    assertThat(ExportFixture.file(key, wrong).statusCode())
        .as("the same refused request is refused again, not replayed")
        .isEqualTo(400);

    var corrected = ExportFixture.file(key, ExportFixture.filing());
    assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
    String exportId = JSON.readTree(corrected.body()).path("exportId").asText();
    JsonNode export = ExportFixture.status(exportId);
    assertThat(export.path("request").path("quantityKg").asLong()).isEqualTo(19200);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.body())
        .as("no internal class names")
        .doesNotContain("et.coffeeexport", "java.", "springframework", "Exception");
  }

  private static HttpRequest.Builder filingRequest(String key) throws Exception {
    return ExportFixture.exporterRequest("/api/exports")
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json");
  }

  private static HttpResponse<String> upload(
      String export, String token, HttpRequest.BodyPublisher body, boolean expectContinue)
      throws Exception {
    var request =
        HttpRequest.newBuilder(ExportFixture.APP.resolve(export + "/documents/SALES_CONTRACT"))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/pdf")
            .expectContinue(expectContinue)
            .POST(body);
    return Workflow.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The resident memory of the workflow application's process, from its pid file. */
  private static long rssMb() throws IOException {
    String pid =
        Files.readString(NETWORK.state.resolve("pids/workflow.pid")).trim().split("\\s+")[0];
    for (String line : Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for the workflow application (pid " + pid + ")");
  }

  /** {@code length} bytes of a PDF's look, made as they are asked for: nothing of it on disk. */
  private static Flow.Publisher<ByteBuffer> generated(long length) {
    return repeated(
        length, "%PDF-1.7 generated ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  /** A JSON array's worth of {@code 1,1,1,…}: refused by its declared length, never parsed. */
  private static Flow.Publisher<ByteBuffer> numbers(long length) {
    return repeated(length, "1,".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  private static Flow.Publisher<ByteBuffer> repeated(long length, byte[] pattern) {
    byte[] chunk = new byte[64 * 1024];
    for (int i = 0; i < chunk.length; i++) {
      chunk[i] = pattern[i % pattern.length];
    }
    return subscriber ->
        subscriber.onSubscribe(
            new Flow.Subscription() {
              private long left = length;
              private boolean done;

              @Override
              public synchronized void request(long n) {
                for (long i = 0; i < n && left > 0 && !done; i++) {
                  int size = (int) Math.min(chunk.length, left);
                  left -= size;
                  subscriber.onNext(ByteBuffer.wrap(chunk, 0, size));
                }
                if (left == 0 && !done) {
                  done = true;
                  subscriber.onComplete();
                }
              }

              @Override
              public synchronized void cancel() {
                done = true;
              }
            });
  }
}
