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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The platform end to end, everything real: an exporter files through the submission API with
 * documents; officers of each organisation complete their tasks through the engine REST API with
 * their own tokens; the export is completed, and the ledger's trail shows each stage signed by a
 * person of the right organisation.
 */
class ExportEndToEndIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI APP = URI.create("http://localhost:8080");
  private static Consortium people;
  private static String exporterToken;
  private static String exporterId;
  private static String exporterUserId;
  private static final Map<String, String> tokens = new HashMap<>();

  @BeforeAll
  static void anExporterOfTheirOwn() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    Workflow.requireRunning();
    people = Consortium.enrol(NETWORK);
    exporterId = "EXPORTER-E2E-" + people.run;
    String username = "it-exporter-" + people.run;
    String password = "It-" + UUID.randomUUID() + "-pw";
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    String id = keycloak.createUser(username, password, "exporters", "exporter");
    exporterUserId = id;
    keycloak.setAttribute(id, "exporterId", exporterId);
    people
        .officer("ecta")
        .submit(
            "user-management",
            "ParticipantContract",
            "registerExporter",
            exporterId,
            "{\"name\":\"Guji Highlands\",\"licenceNumber\":\"LIC-E2E-"
                + people.run
                + "\",\"competenceCertificateNumber\":\"CC-E2E-"
                + people.run
                + "\",\"competenceCertificateExpiry\":\"2099-12-31\",\"tin\":\"0098765432\",\"capitalEtb\":20000000}");
    people.settle();
    exporterToken = RealmLogin.accessToken(username, password, "");
    for (String officer :
        new String[] {
          "commercial-bank.officer",
          "ecta.officer",
          "ecx.officer",
          "national-bank.officer",
          "custom-authorities.officer",
          "shipping-line.officer"
        }) {
      tokens.put(officer, RealmLogin.accessToken(officer));
    }
  }

  @AfterAll
  static void close() throws Exception {
    if (people != null) {
      people.close();
    }
  }

  @Test
  void anExportGoesFromFilingToCompletionWithEachStageSignedByItsOrganisation() throws Exception {
    long started = System.nanoTime();
    String key = "e2e-" + UUID.randomUUID();
    ObjectNode body = filing();
    var filed = file(key, body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    var again = file(key, body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("exportId").asText()).isEqualTo(exportId);

    assertThat(upload(exporterToken, exportId, "SALES_CONTRACT").statusCode()).isEqualTo(201);
    decide("commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    decide(
        "ecta.officer",
        exportId,
        "Review",
        Map.of("decision", "RETURN", "reasons", "contract date unclear"));
    var amended = call("PUT", "/api/exports/" + exportId, exporterToken, request().toString());
    assertThat(amended.statusCode()).as(amended.body()).isEqualTo(204);
    decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(upload(tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE").statusCode())
        .isEqualTo(201);
    decide(
        "ecx.officer",
        exportId,
        "Review",
        Map.of("decision", "APPROVE", "decisionJson", Consortium.QUALITY));
    decide("national-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    String permit = status(exportId).path("facts").path("exportPermitNumber").asText();
    decide(
        "custom-authorities.officer",
        exportId,
        "Review",
        Map.of(
            "decision",
            "APPROVE",
            "decisionJson",
            "{\"permitNumber\":\""
                + permit
                + "\",\"declarationNumber\":\"DEC-"
                + people.run
                + "\"}"));
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
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    decide(
        "shipping-line.officer",
        exportId,
        "Ship",
        Map.of(
            "billOfLadingJson",
            "{\"billOfLadingNumber\":\"BL-"
                + people.run
                + "\",\"billOfLadingDate\":\""
                + today
                + "\"}"));
    decide(
        "commercial-bank.officer",
        exportId,
        "RecordRepatriation",
        Map.of(
            "repatriationJson",
            "{\"amountUsd\":146034.20,\"reference\":\"SWIFT-"
                + people.run
                + "\",\"receivedOn\":\""
                + today
                + "\"}"));

    assertThat(status(exportId).path("status").asText()).isEqualTo("COMPLETED");
    System.out.printf(
        "FIGURES end-to-end: one export filed and taken through every stage (one rework) in %.1f s%n",
        (System.nanoTime() - started) / 1e9);

    JsonNode history =
        JSON.readTree(
            call("GET", "/api/exports/" + exportId + "/history", exporterToken, null).body());
    // Who must have signed each step: the exporter, or the officer of the stage's organisation.
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    Map<String, String[]> signer = new HashMap<>();
    signer.put("SUBMIT", new String[] {"CommercialBankMSP", exporterUserId});
    signer.put("AMEND", new String[] {"CommercialBankMSP", exporterUserId});
    signer.put("VERIFY_AT_BANK", officer(keycloak, "CommercialBankMSP", "commercial-bank.officer"));
    signer.put("APPROVE_COMPLIANCE", officer(keycloak, "EctaMSP", "ecta.officer"));
    signer.put("RETURN_FOR_AMENDMENT", officer(keycloak, "EctaMSP", "ecta.officer"));
    signer.put("CERTIFY_QUALITY", officer(keycloak, "EcxMSP", "ecx.officer"));
    signer.put(
        "APPROVE_FOREIGN_EXCHANGE", officer(keycloak, "NationalBankMSP", "national-bank.officer"));
    signer.put(
        "CLEAR_CUSTOMS", officer(keycloak, "CustomAuthoritiesMSP", "custom-authorities.officer"));
    signer.put("BOOK_SHIPMENT", officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put("SHIP", officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put(
        "RECORD_REPATRIATION", officer(keycloak, "CommercialBankMSP", "commercial-bank.officer"));
    for (JsonNode decision : history.path("decisions")) {
      String action = decision.path("action").asText();
      String[] expected = signer.get(action);
      assertThat(expected).as("an expected step: %s", action).isNotNull();
      assertThat(decision.path("organisation").asText()).as(action).isEqualTo(expected[0]);
      assertThat(decision.path("userId").asText())
          .as("%s signed by its person", action)
          .isEqualTo(expected[1]);
    }
    List<String> actions = new ArrayList<>();
    history.path("decisions").forEach(d -> actions.add(d.path("action").asText()));
    assertThat(actions)
        .containsExactly(
            "SUBMIT",
            "VERIFY_AT_BANK",
            "RETURN_FOR_AMENDMENT",
            "AMEND",
            "APPROVE_COMPLIANCE",
            "CERTIFY_QUALITY",
            "APPROVE_FOREIGN_EXCHANGE",
            "CLEAR_CUSTOMS",
            "BOOK_SHIPMENT",
            "SHIP",
            "RECORD_REPATRIATION");
    // The business metrics see it through the read model, which follows the ledger's events.
    Instant deadline = Instant.now().plusSeconds(60);
    String metrics = "";
    while (Instant.now().isBefore(deadline) && !completedCounted(metrics)) {
      metrics =
          Workflow.HTTP
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/prometheus"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Thread.sleep(200);
    }
    assertThat(completedCounted(metrics)).as("coffee_exports{status=COMPLETED} > 0").isTrue();
    assertThat(metrics).contains("coffee_process_incidents");
    for (String type : new String[] {"SALES_CONTRACT", "QUALITY_CERTIFICATE", "BILL_OF_LADING"}) {
      var doc = call("GET", "/api/exports/" + exportId + "/documents/" + type, exporterToken, null);
      assertThat(doc.statusCode()).as(type).isEqualTo(200);
      assertThat(doc.headers().firstValue("X-Document-Verified")).hasValue("true");
    }
  }

  @Test
  void aRequestWithTheSameKeyButAnotherBodyIsAConflict() throws Exception {
    String key = "e2e-" + UUID.randomUUID();
    ObjectNode body = filing();
    assertThat(file(key, body).statusCode()).isEqualTo(201);
    ObjectNode other = body.deepCopy();
    ((ObjectNode) other.get("request")).put("quantityKg", 9600);
    var conflict =
        send(
            "POST",
            "/api/exports",
            exporterToken,
            other.toString(),
            Map.of("Idempotency-Key", key));
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void badInputIsAProblemAndFilesNothing() throws Exception {
    var missingKey = send("POST", "/api/exports", exporterToken, filing().toString(), Map.of());
    assertThat(missingKey.statusCode()).isEqualTo(400);
    var malformed =
        send(
            "POST",
            "/api/exports",
            exporterToken,
            "{\"request\":{\"grade\":7}}",
            Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    var officer =
        send(
            "POST",
            "/api/exports",
            tokens.get("ecx.officer"),
            filing().toString(),
            Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertThat(officer.statusCode()).isEqualTo(403);
  }

  private static boolean completedCounted(String metrics) {
    return metrics
        .lines()
        .filter(l -> l.startsWith("coffee_exports{") && l.contains("status=\"COMPLETED\""))
        .anyMatch(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)) > 0);
  }

  private static String[] officer(KeycloakAdmin keycloak, String msp, String username)
      throws Exception {
    return new String[] {msp, keycloak.userId(username)};
  }

  private static HttpResponse<String> file(String key, ObjectNode body) throws Exception {
    return send(
        "POST", "/api/exports", exporterToken, body.toString(), Map.of("Idempotency-Key", key));
  }

  private static ObjectNode filing() {
    ObjectNode body = JSON.createObjectNode();
    body.set("request", request());
    body.putObject("terms")
        .put("pricePerLbUsd", 3.45)
        .put("buyerName", "Hamburg Roasters GmbH")
        .put("buyerCountry", "DE")
        .put("paymentMode", "LETTER_OF_CREDIT")
        .put("paymentReference", "LC-E2E-" + people.run)
        .put("salt", "e2e-salt-" + people.run);
    return body;
  }

  private static ObjectNode request() {
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

  private static JsonNode status(String exportId) throws Exception {
    return JSON.readTree(call("GET", "/api/exports/" + exportId, exporterToken, null).body());
  }

  /** The officer finds the task of the export and completes it with their own token. */
  private static void decide(
      String officer, String exportId, String taskKey, Map<String, String> variables)
      throws Exception {
    String token = tokens.get(officer);
    JsonNode tasks =
        JSON.readTree(
            Workflow.get(
                    "task?processInstanceBusinessKey=" + exportId + "&taskDefinitionKey=" + taskKey,
                    token)
                .body());
    assertThat(tasks).as("%s sees %s of %s", officer, taskKey, exportId).hasSize(1);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).put("value", v));
    var done =
        Workflow.call(
            "POST",
            "task/" + tasks.get(0).get("id").asText() + "/complete",
            token,
            body.toString());
    assertThat(done.statusCode())
        .as("%s completes %s: %s", officer, taskKey, done.body())
        .isIn(200, 204);
    JsonNode refusal =
        JSON.readTree(
            Workflow.get(
                    "task?processInstanceBusinessKey=" + exportId + "&taskDefinitionKey=" + taskKey,
                    token)
                .body());
    if (refusal.size() > 0 && !taskKey.equals("Review")) {
      throw new AssertionError(taskKey + " came back: the ledger refused it");
    }
  }

  private static HttpResponse<String> upload(String token, String exportId, String type)
      throws Exception {
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

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    return send(method, path, token, json, Map.of());
  }

  private static HttpResponse<String> send(
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
