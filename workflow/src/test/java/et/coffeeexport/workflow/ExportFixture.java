package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The people and calls the end-to-end and browser tests share: an exporter of the run's own
 * (registered on the ledger, with a Keycloak account), the development officers' tokens, and the
 * submission API and engine REST calls each of them makes.
 */
final class ExportFixture {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Form fields the models mark private: sent as transient variables. */
  static final java.util.Set<String> PRIVATE_FIELDS = java.util.Set.of("repatriationJson");

  static final URI APP = URI.create("http://localhost:8080");
  static Consortium people;
  private static String exporterUsername;
  private static String exporterPassword;
  private static String exporterAccess;
  private static long exporterSignedInAt;
  static String exporterId;
  static String exporterUserId;

  /** The officers' tokens, signed in again when older than two minutes (they live five). */
  static final Map<String, String> tokens =
      new HashMap<>() {
        private final Map<Object, Long> signedInAt = new HashMap<>();

        @Override
        public synchronized String get(Object officer) {
          Long at = signedInAt.get(officer);
          if (at == null || System.nanoTime() - at > 120_000_000_000L) {
            try {
              super.put((String) officer, RealmLogin.accessToken((String) officer));
            } catch (Exception e) {
              throw new IllegalStateException("cannot sign " + officer + " in", e);
            }
            signedInAt.put(officer, System.nanoTime());
          }
          return super.get(officer);
        }
      };

  /** The exporter's token, signed in again when older than two minutes. */
  static synchronized String exporterToken() throws Exception {
    if (exporterAccess == null || System.nanoTime() - exporterSignedInAt > 120_000_000_000L) {
      exporterAccess = RealmLogin.accessToken(exporterUsername, exporterPassword, "");
      exporterSignedInAt = System.nanoTime();
    }
    return exporterAccess;
  }

  private ExportFixture() {}

  /** Sets the run's people up once per test JVM. */
  static synchronized void ready(RealNetwork network) throws Exception {
    if (people != null) {
      return;
    }
    Workflow.requireRunning();
    people = Consortium.enrol(network);
    exporterId = "EXPORTER-E2E-" + people.run;
    String username = "it-exporter-" + people.run;
    String password = "It-" + UUID.randomUUID() + "-pw";
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    String id = keycloak.createUser(username, password, "exporters", "exporter");
    exporterUserId = id;
    keycloak.setAttribute(id, "exporterId", exporterId);
    try (var ledger = network.connector()) {
      ledger
          .userManagement()
          .registerExporter(
              people.signatory("ecta"),
              exporterId,
              "{\"name\":\"Guji Highlands\",\"licenceNumber\":\"LIC-E2E-"
                  + people.run
                  + "\",\"competenceCertificateNumber\":\"CC-E2E-"
                  + people.run
                  + "\",\"licenceExpiry\":\"2099-12-31\",\"competenceCertificateExpiry\":\"2099-12-31\",\"tin\":\"0098765432\",\"capitalEtb\":20000000}");
    }
    people.settle();
    exporterUsername = username;
    exporterPassword = password;
    for (String officer :
        new String[] {
          "commercial-bank.officer",
          "ecta.officer",
          "ecx.officer",
          "national-bank.officer",
          "custom-authorities.officer",
          "shipping-line.officer",
          "national-bank.supervisor",
          "custom-authorities.supervisor",
          "admin"
        }) {
      tokens.get(officer);
    }
  }

  /**
   * A web application session of a development user, through Keycloak (with TOTP if they have):
   * what the task forms' API answers in a browser.
   */
  static RealmLogin webSession(String username) throws Exception {
    RealmLogin browser = new RealmLogin();
    String[] user = browser.devUser(username);
    browser
        .startAt(APP.resolve("/camunda/app/tasklist/default/"))
        .submit(Map.of("username", username, "password", user[1]));
    if (browser.asksForOneTimeCode()) {
      browser.submitTotp(user[2]);
    }
    // Signed in: back in the application (an exporter may not open Tasklist itself: 403).
    var landed = browser.followToApp();
    assertThat(landed.request().uri().getPort()).as(browser.describe()).isEqualTo(APP.getPort());
    assertThat(landed.statusCode()).as(browser.describe()).isIn(200, 403);
    return browser;
  }

  static boolean completedCounted(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("coffee_exports{") && l.contains("status=\"COMPLETED\""))
        .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0);
  }

  static String[] officer(KeycloakAdmin keycloak, String msp, String username) throws Exception {
    return new String[] {msp, keycloak.userId(username)};
  }

  static HttpResponse<String> file(String key, ObjectNode body) throws Exception {
    return send(
        "POST", "/api/exports", exporterToken(), body.toString(), Map.of("Idempotency-Key", key));
  }

  /**
   * A new export filed with {@code body} under a fresh key, its sales contract anchored: its id.
   */
  static String filedWithContract(String keyPrefix, ObjectNode body) throws Exception {
    var filed = file(keyPrefix + "-" + UUID.randomUUID(), body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    // The bank's verification needs the sales contract anchored.
    assertThat(upload(exporterToken(), exportId, "SALES_CONTRACT").statusCode()).isEqualTo(201);
    return exportId;
  }

  /** A new export of the fixture's filing, its sales contract anchored: its id. */
  static String filedWithContract(String keyPrefix) throws Exception {
    return filedWithContract(keyPrefix, filing());
  }

  static ObjectNode filing() {
    ObjectNode body = JSON.createObjectNode();
    body.set("request", request());
    body.putObject("terms")
        .put("pricePerLbUsd", 3.45)
        .put("buyerId", "BUYER-HAMBURG-1")
        .put("buyerName", "Hamburg Roasters GmbH")
        .put("buyerCountry", "DE")
        .put("paymentMode", "LETTER_OF_CREDIT")
        .put("paymentReference", "LC-E2E-" + people.run);
    return body;
  }

  static ObjectNode request() {
    return JSON.createObjectNode()
        .put("exporterId", exporterId)
        .put("contractNumber", "SC-E2E-" + people.run)
        .put(
            "contractSignedAt",
            Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString())
        .put("contractDate", LocalDate.now(ZoneOffset.UTC).toString())
        .put("destinationCountry", "DE")
        .put("quantityKg", 19200)
        .put("grade", "G2")
        .put("origin", "SIDAMA")
        .put("process", "WASHED")
        .put("incoterm", "FOB");
  }

  /** The export once the ledger shows it in {@code status} (asynchronous steps), within 60 s. */
  static JsonNode awaitStatus(String exportId, String status) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode export = status(exportId);
    while (!status.equals(export.path("status").asText()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      export = status(exportId);
    }
    return export;
  }

  /** The export's versions and decision trail, as the exporter reads them. */
  static JsonNode history(String exportId) throws Exception {
    return JSON.readTree(
        call("GET", "/api/exports/" + exportId + "/history", exporterToken(), null).body());
  }

  static JsonNode status(String exportId) throws Exception {
    return JSON.readTree(call("GET", "/api/exports/" + exportId, exporterToken(), null).body());
  }

  /**
   * The officer finds the task of the export and completes it with their own token, then waits for
   * the ledger step after it (it runs asynchronously): done when the ledger counts one more
   * decision, refused when the task comes back.
   */
  static void decide(String officer, String exportId, String taskKey, Map<String, String> variables)
      throws Exception {
    String token = tokens.get(officer);
    JsonNode tasks = awaitTasks(token, exportId, taskKey);
    assertThat(tasks).as("%s sees %s of %s", officer, taskKey, exportId).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    int decisions = status(exportId).path("decisions").asInt();
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach(
        (k, v) -> {
          var variable = vars.putObject(k).put("value", v);
          if (PRIVATE_FIELDS.contains(k)) {
            // As the task form sends it: never stored by the engine.
            variable.putObject("valueInfo").put("transient", true);
          }
        });
    var done = Workflow.complete(taskId, token, body.toString());
    assertThat(done.statusCode())
        .as("%s completes %s: %s", officer, taskKey, done.body())
        .isIn(200, 204);
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (status(exportId).path("decisions").asInt() > decisions) {
        return;
      }
      JsonNode back = tasksOf(token, exportId, taskKey);
      if (back.size() > 0 && !back.get(0).get("id").asText().equals(taskId)) {
        if (!taskKey.equals("Review")) {
          throw new AssertionError(taskKey + " came back: the ledger refused it");
        }
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "the ledger step after " + taskKey + " of " + exportId + " did not end within 60 s");
  }

  /**
   * ECX certifies the export's quality (the laboratory results of the fixture) and National Bank's
   * officer approves its foreign exchange.
   */
  static void certifyQualityAndApproveForeignExchange(String exportId) throws Exception {
    decide(
        "ecx.officer",
        exportId,
        "Review",
        Map.of("decision", "APPROVE", "decisionJson", Consortium.QUALITY));
    decide("national-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
  }

  /**
   * A fresh export of the run's exporter, filed ({@code label} names its idempotency key) and
   * approved by every stage up to customs clearance.
   */
  static String clearedExport(String label) throws Exception {
    var filed = file(label + "-" + UUID.randomUUID(), filing());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    upload(exporterToken(), exportId, "SALES_CONTRACT");
    decide("commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    upload(tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE");
    certifyQualityAndApproveForeignExchange(exportId);
    clearAtCustoms(
        "custom-authorities.officer",
        exportId,
        "DEC-X-" + UUID.randomUUID().toString().substring(0, 8));
    assertThat(status(exportId).path("status").asText()).isEqualTo("CUSTOMS_CLEARED");
    return exportId;
  }

  /**
   * From ECTA's approval to shipped: ECX's officer anchors the quality certificate and certifies,
   * National Bank approves the foreign exchange, Customs clears, Shipping Line books and ships.
   */
  static void fromQualityToShipped(String exportId) throws Exception {
    assertThat(upload(tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE").statusCode())
        .isEqualTo(201);
    certifyQualityAndApproveForeignExchange(exportId);
    clearAtCustoms("custom-authorities.officer", exportId, "DEC-" + exportId);
    bookAndShip(exportId);
    // Shipped for the process too (milestones are for a shipped export's process): it waits for
    // the proceeds.
    assertThat(awaitTasks(tokens.get("commercial-bank.officer"), exportId, "RecordRepatriation"))
        .hasSize(1);
  }

  /** Shipping Line reports the export's arrival at Hamburg today; the ledger shows it ARRIVED. */
  static void arrive(String exportId) throws Exception {
    var arrival =
        call(
            "POST",
            "/api/shipments/" + exportId + "/arrival",
            tokens.get("shipping-line.officer"),
            "{\"port\":\"Hamburg\",\"arrivedOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}");
    assertThat(arrival.statusCode()).as(arrival.body()).isEqualTo(202);
    assertThat(awaitStatus(exportId, "ARRIVED").path("status").asText()).isEqualTo("ARRIVED");
  }

  /**
   * Shipping Line books the cleared export and ships it: the booking, the bill of lading they issue
   * (dated today) and its record.
   */
  static void bookAndShip(String exportId) throws Exception {
    decide(
        "shipping-line.officer",
        exportId,
        "BookShipment",
        Map.of(
            "bookingJson",
            "{\"bookingNumber\":\"BK-"
                + people.run
                + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU7654321\"]}"));
    assertThat(upload(tokens.get("shipping-line.officer"), exportId, "BILL_OF_LADING").statusCode())
        .isEqualTo(201);
    decide(
        "shipping-line.officer",
        exportId,
        "Ship",
        Map.of(
            "billOfLadingJson",
            "{\"billOfLadingNumber\":\"BL-"
                + people.run
                + "\",\"billOfLadingDate\":\""
                + LocalDate.now(ZoneOffset.UTC)
                + "\"}"));
  }

  /**
   * Runs {@code work} as another exporter (one registered through its application, say): its token,
   * its exporter id in the requests; then the fixture's own exporter again.
   */
  static synchronized <T> T asExporter(
      String username, String password, String id, java.util.concurrent.Callable<T> work)
      throws Exception {
    String[] own = {exporterUsername, exporterPassword, exporterId};
    exporterUsername = username;
    exporterPassword = password;
    exporterId = id;
    exporterAccess = null;
    try {
      return work.call();
    } finally {
      exporterUsername = own[0];
      exporterPassword = own[1];
      exporterId = own[2];
      exporterAccess = null;
    }
  }

  /** {@code officer} of Customs clears the export: its permit, and the declaration they issue. */
  static void clearAtCustoms(String officer, String exportId, String declarationNumber)
      throws Exception {
    String permit = status(exportId).path("facts").path("exportPermitNumber").asText();
    decide(
        officer,
        exportId,
        "Review",
        Map.of(
            "decision",
            "APPROVE",
            "decisionJson",
            "{\"permitNumber\":\""
                + permit
                + "\",\"declarationNumber\":\""
                + declarationNumber
                + "\"}"));
  }

  /** The officer's open tasks of {@code taskKey} on the export, waiting up to 30 s for one. */
  static JsonNode awaitTasks(String token, String exportId, String taskKey) throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode tasks = tasksOf(token, exportId, taskKey);
    while (tasks.size() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      tasks = tasksOf(token, exportId, taskKey);
    }
    return tasks;
  }

  static JsonNode tasksOf(String token, String exportId, String taskKey) throws Exception {
    return JSON.readTree(
        Workflow.get(
                "task?processInstanceBusinessKey=" + exportId + "&taskDefinitionKey=" + taskKey,
                token)
            .body());
  }

  static HttpResponse<String> upload(String token, String exportId, String type) throws Exception {
    byte[] pdf =
        ("%PDF-1.7\n" + type + " of " + exportId + "\n%%EOF").getBytes(StandardCharsets.US_ASCII);
    return Workflow.HTTP.send(
        HttpRequest.newBuilder(APP.resolve("/api/exports/" + exportId + "/documents/" + type))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/pdf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A request of the exporter's to the application, its token set. */
  static HttpRequest.Builder exporterRequest(String path) throws Exception {
    return HttpRequest.newBuilder(APP.resolve(path))
        .header("Authorization", "Bearer " + exporterToken());
  }

  static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return send(method, path, token, json, Map.of());
  }

  static HttpResponse<String> send(
      String method, String path, String token, String json, Map<String, String> headers)
      throws Exception {
    var request =
        HttpRequest.newBuilder(APP.resolve(path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return Workflow.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
