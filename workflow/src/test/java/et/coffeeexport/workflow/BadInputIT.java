package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
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
    var upload =
        ExportFixture.APP.resolve(
            "/api/exports/EXP-"
                + UUID.randomUUID().toString().substring(0, 8)
                + "/documents/SALES_CONTRACT");
    var headers = uploadHeaders();
    // Warm the path up, so what is measured is the big body, not a first request's classes.
    StreamedPost.send(upload, headers, 1024, false);
    long before = rssMb();

    var declared = StreamedPost.send(upload, uploadHeaders(), UPLOAD, true);
    assertThat(declared.status()).as(declared.body()).isEqualTo(413);
    assertThat(declared.contentType()).startsWith("application/problem+json");
    assertThat(JSON.readTree(declared.body()).path("limitBytes").asLong()).isEqualTo(20 * MB);
    assertThat(declared.bytesSent()).as("the refused body was never sent").isZero();

    // Chunked, no length declared: the application counts as it reads and stops at the limit.
    // It may reset the connection before this client has read the 413 (status -1), as the
    // client is still sending; either way it must not have taken the body in.
    var chunked = StreamedPost.send(upload, uploadHeaders(), UPLOAD, false);
    assertThat(chunked.status()).as(chunked.body()).isIn(413, -1);
    if (chunked.status() == 413) {
      assertThat(chunked.contentType()).startsWith("application/problem+json");
    }
    assertThat(chunked.bytesSent())
        .as("the application stopped reading near its 20 MiB limit")
        .isLessThan(60 * MB);
    Thread.sleep(2000);
    long after = rssMb();
    System.out.printf(
        "FIGURES 300 MB uploads (declared, chunked): 413; chunked body read %d MB before the"
            + " refusal; application RSS %d MB before, %d MB after%n",
        chunked.bytesSent() / MB, before, after);
    assertThat(after)
        .as("the application's RSS (MB) after two 300 MB uploads, against %d before", before)
        .isBetween(before - 50, before + 50);
    Workflow.requireRunning();
  }

  @Test
  void hugeAndDeepJsonIsRefusedWhileReadAndTheApplicationStaysUp() throws Exception {
    long before = rssMb();
    var headers = new java.util.HashMap<>(uploadHeaders());
    headers.put("Content-Type", "application/json");
    headers.put("Idempotency-Key", "fifty-mb-" + UUID.randomUUID());
    var huge = StreamedPost.send(ExportFixture.APP.resolve("/api/exports"), headers, 50 * MB, true);
    assertThat(huge.status()).as(huge.body()).isEqualTo(413);
    assertThat(huge.contentType()).startsWith("application/problem+json");
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

  private static Map<String, String> uploadHeaders() throws Exception {
    return Map.of(
        "Authorization",
        "Bearer " + ExportFixture.exporterToken(),
        "Content-Type",
        "application/pdf");
  }

  /** The resident memory of the workflow application's process, from its pid file. */
  private static long rssMb() throws java.io.IOException {
    String pid =
        Files.readString(NETWORK.state.resolve("pids/workflow.pid")).trim().split("\\s+")[0];
    for (String line : Files.readAllLines(java.nio.file.Path.of("/proc", pid, "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for the workflow application (pid " + pid + ")");
  }
}
