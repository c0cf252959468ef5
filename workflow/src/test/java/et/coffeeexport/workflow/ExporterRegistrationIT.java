package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exporters' registration end to end, everything real: a new exporter (a Keycloak account naming
 * its exporter id, nothing on the ledger) applies through {@code /api/registration} with its
 * licence and competence certificate, ECTA's officer registers it through the review task with
 * their own token, the ledger's entry names that officer, and the exporter then files an export
 * that completes the lifecycle, following it in its own view; a refused application shows ECTA's
 * reasons there; a renewal moves the licence's expiry.
 */
class ExporterRegistrationIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REVIEW = "ReviewApplication";

  @BeforeAll
  static void officersSignedIn() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  /** A new exporter's account: in the exporters' group, with the exporter id ECTA will register. */
  record Applicant(String username, String password, String exporterId) {
    String token() throws Exception {
      return RealmLogin.accessToken(username, password, "");
    }
  }

  private static Applicant newExporter(String label) throws Exception {
    String run = ExportFixture.people.run;
    var applicant =
        new Applicant(
            "it-applicant-" + label + "-" + run,
            "It-" + UUID.randomUUID() + "-pw",
            "EXPORTER-REG-" + label.toUpperCase() + "-" + run);
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    String id =
        keycloak.createUser(applicant.username(), applicant.password(), "exporters", "exporter");
    keycloak.setAttribute(id, "exporterId", applicant.exporterId());
    return applicant;
  }

  private static String registration(Applicant applicant, String licenceExpiry) {
    return JSON.createObjectNode()
        .put("name", "Highland " + applicant.exporterId())
        .put("licenceNumber", "LIC-" + applicant.exporterId())
        .put("licenceExpiry", licenceExpiry)
        .put("competenceCertificateNumber", "CC-" + applicant.exporterId())
        .put("competenceCertificateExpiry", "2099-12-31")
        .put("tin", "0011223344")
        .put("capitalEtb", 20_000_000)
        .toString();
  }

  /** A registration or renewal applied for with both documents: the application's id. */
  private static String appliedFor(Applicant applicant, String path, String body) throws Exception {
    return applyWithDocuments(applicant, path, body).path("applicationId").asText();
  }

  /** Applies (registration or renewal, by path) and uploads both documents; the application. */
  private static JsonNode applyWithDocuments(Applicant applicant, String path, String body)
      throws Exception {
    String token = applicant.token();
    String key = "it-" + UUID.randomUUID();
    var applied = ExportFixture.send("POST", path, token, body, Map.of("Idempotency-Key", key));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(201);
    JsonNode application = JSON.readTree(applied.body());
    assertThat(application.path("status").asText()).isEqualTo("SUBMITTED");
    var again = ExportFixture.send("POST", path, token, body, Map.of("Idempotency-Key", key));
    assertThat(again.statusCode()).as("the same key applies once").isEqualTo(200);
    assertThat(JSON.readTree(again.body()).path("applicationId"))
        .isEqualTo(application.path("applicationId"));
    String id = application.path("applicationId").asText();
    for (String type : new String[] {"EXPORT_LICENCE", "COMPETENCE_CERTIFICATE"}) {
      var uploaded = uploadDocument(token, id, type);
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
      assertThat(JSON.readTree(uploaded.body()).path("version").asInt()).isEqualTo(1);
    }
    var download =
        Workflow.HTTP.send(
            HttpRequest.newBuilder(
                    ExportFixture.APP.resolve(
                        "/api/registration/" + id + "/documents/EXPORT_LICENCE"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).startsWith("%PDF-").contains("EXPORT_LICENCE of " + id);
    return application;
  }

  private static HttpResponse<String> uploadDocument(
      String token, String applicationId, String type) throws Exception {
    byte[] pdf =
        ("%PDF-1.7\n" + type + " of " + applicationId + "\n%%EOF")
            .getBytes(StandardCharsets.US_ASCII);
    return Workflow.HTTP.send(
        HttpRequest.newBuilder(
                ExportFixture.APP.resolve(
                    "/api/registration/" + applicationId + "/documents/" + type))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/pdf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(pdf))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** ECTA's officer decides the application's review with their own token. */
  private static void ectaDecides(String applicationId, String variablesJson) throws Exception {
    String ecta = ExportFixture.tokens.get("ecta.officer");
    JsonNode tasks = ExportFixture.awaitTasks(ecta, applicationId, REVIEW);
    assertThat(tasks).as("ECTA's officer sees the review of %s", applicationId).hasSize(1);
    var done = Workflow.complete(tasks.get(0).path("id").asText(), ecta, variablesJson);
    assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
  }

  private static JsonNode me(Applicant applicant) throws Exception {
    var answer = ExportFixture.call("GET", "/api/exporters/me", applicant.token(), null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** The exporter's own view once {@code pointer} reads {@code value}, within 60 s. */
  private static JsonNode awaitMe(Applicant applicant, String pointer, String value)
      throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode me = me(applicant);
    while (!value.equals(me.at(pointer).asText()) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      me = me(applicant);
    }
    assertThat(me.at(pointer).asText()).as("%s of %s", pointer, me).isEqualTo(value);
    return me;
  }

  private static String ectaOfficerId() throws Exception {
    return new KeycloakAdmin(new RealmLogin().secret("keycloak-admin")).userId("ecta.officer");
  }

  @Test
  void anExporterEctaRegistersThroughItsTaskFilesAnExportThatCompletesAndFollowsItInItsView()
      throws Exception {
    Applicant applicant = newExporter("ok");
    assertThat(me(applicant).path("standing").asText()).isEqualTo("NOT_REGISTERED");
    var early =
        ExportFixture.asExporter(
            applicant.username(),
            applicant.password(),
            applicant.exporterId(),
            () -> ExportFixture.file("it-early-" + UUID.randomUUID(), ExportFixture.filing()));
    assertThat(early.statusCode()).as("an unregistered exporter files nothing").isEqualTo(403);
    assertThat(JSON.readTree(early.body()).path("code").asText()).isEqualTo("EXPORTER_NOT_ACTIVE");

    String id = appliedFor(applicant, "/api/registration", registration(applicant, "2099-06-30"));
    ectaDecides(id, "{\"variables\":{\"decision\":{\"value\":\"REGISTER\"}}}");
    JsonNode registered = awaitMe(applicant, "/standing", "ACTIVE");
    assertThat(registered.at("/licence/licenceNumber").asText())
        .isEqualTo("LIC-" + applicant.exporterId());
    assertThat(registered.path("validThrough").asText()).isEqualTo("2099-06-30");
    assertThat(registered.at("/applications/0/status").asText()).isEqualTo("REGISTERED");
    JsonNode application =
        JSON.readTree(
            ExportFixture.call("GET", "/api/registration/" + id, applicant.token(), null).body());
    assertThat(application.at("/decided/userId").asText())
        .as("the registration is signed by the officer who completed the task")
        .isEqualTo(ectaOfficerId());
    assertThat(application.at("/decided/organisation").asText()).isEqualTo("EctaMSP");

    String exportId =
        ExportFixture.asExporter(
            applicant.username(),
            applicant.password(),
            applicant.exporterId(),
            () -> fileAndCompleteFollowingTheOwnView(applicant));
    JsonNode list =
        JSON.readTree(ExportFixture.call("GET", "/api/exports", applicant.token(), null).body());
    assertThat(list.path("exports")).hasSize(1);
    assertThat(list.at("/exports/0/status").asText()).isEqualTo("COMPLETED");
    assertThat(list.at("/exports/0/documentsToProvide")).isEmpty();
    JsonNode others =
        JSON.readTree(
            ExportFixture.call(
                    "GET", "/api/exports?pageSize=50", ExportFixture.exporterToken(), null)
                .body());
    assertThat(others.path("exports").toString())
        .as("another exporter's list")
        .doesNotContain(exportId);
  }

  /** Files as the new exporter and walks its export to completion; answers the export's id. */
  private static String fileAndCompleteFollowingTheOwnView(Applicant applicant) throws Exception {
    var filed = ExportFixture.file("it-reg-" + UUID.randomUUID(), ExportFixture.filing());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).path("exportId").asText();
    JsonNode line = ownLine(applicant, exportId);
    assertThat(line.path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(line.path("documentsToProvide").toString())
        .as("the bank's intake needs the sales contract")
        .contains("SALES_CONTRACT");
    assertThat(
            ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT")
                .statusCode())
        .isEqualTo(201);
    assertThat(ownLine(applicant, exportId).path("documentsToProvide")).isEmpty();
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(ownLine(applicant, exportId).at("/nextDeadline/kind").asText())
        .as("the shipment deadline runs from contract registration")
        .isEqualTo("SHIPMENT");
    ExportFixture.fromQualityToShipped(exportId);
    assertThat(ownLine(applicant, exportId).at("/nextDeadline/kind").asText())
        .isEqualTo("REPATRIATION");
    ExportFixture.arrive(exportId);
    ExportFixture.decide(
        "commercial-bank.officer",
        exportId,
        "RecordRepatriation",
        Map.of(
            "repatriationJson",
            "{\"amountUsd\":146034.20,\"reference\":\"SWIFT-"
                + exportId
                + "\",\"receivedOn\":\""
                + LocalDate.now(ZoneOffset.UTC)
                + "\"}"));
    assertThat(ExportFixture.awaitStatus(exportId, "COMPLETED").path("status").asText())
        .isEqualTo("COMPLETED");
    return exportId;
  }

  /** The export's line in its exporter's own list. */
  private static JsonNode ownLine(Applicant applicant, String exportId) throws Exception {
    JsonNode list =
        JSON.readTree(
            ExportFixture.call("GET", "/api/exports?pageSize=50", applicant.token(), null).body());
    for (JsonNode line : list.path("exports")) {
      if (line.path("exportId").asText().equals(exportId)) {
        return line;
      }
    }
    throw new AssertionError(exportId + " is not in its exporter's list: " + list);
  }

  @Test
  void aRefusedApplicationShowsEctasReasonsInTheExportersOwnView() throws Exception {
    Applicant applicant = newExporter("refused");
    String id = appliedFor(applicant, "/api/registration", registration(applicant, "2099-06-30"));
    String ecta = ExportFixture.tokens.get("ecta.officer");
    String task = ExportFixture.awaitTasks(ecta, id, REVIEW).get(0).path("id").asText();
    var withoutReasons =
        Workflow.complete(task, ecta, "{\"variables\":{\"decision\":{\"value\":\"REFUSE\"}}}");
    assertThat(withoutReasons.statusCode())
        .as("a refusal without reasons: %s", withoutReasons.body())
        .isEqualTo(400);
    assertThat(withoutReasons.body()).contains("reasons");
    ectaDecides(
        id,
        "{\"variables\":{\"decision\":{\"value\":\"REFUSE\"},\"reasons\":{\"value\":"
            + "\"capital not evidenced\\nlicence copy unreadable\"}}}");
    JsonNode me = awaitMe(applicant, "/applications/0/status", "REFUSED");
    assertThat(me.path("standing").asText()).isEqualTo("NOT_REGISTERED");
    assertThat(me.at("/applications/0/reasons").toString())
        .isEqualTo("[\"capital not evidenced\",\"licence copy unreadable\"]");
    JsonNode application =
        JSON.readTree(
            ExportFixture.call("GET", "/api/registration/" + id, applicant.token(), null).body());
    assertThat(application.at("/decided/userId").asText()).isEqualTo(ectaOfficerId());
    var upload = uploadDocument(applicant.token(), id, "EXPORT_LICENCE");
    assertThat(upload.statusCode()).as("a decided application takes no documents").isEqualTo(409);
  }

  @Test
  void aRenewalEctaGrantsMovesTheLicencesExpiryOnTheLedger() throws Exception {
    Applicant applicant = newExporter("renewed");
    String first =
        appliedFor(applicant, "/api/registration", registration(applicant, "2098-06-30"));
    ectaDecides(first, "{\"variables\":{\"decision\":{\"value\":\"REGISTER\"}}}");
    awaitMe(applicant, "/standing", "ACTIVE");
    String renewal =
        appliedFor(
            applicant,
            "/api/registration/renewal",
            "{\"licenceExpiry\":\"2099-06-30\",\"competenceCertificateExpiry\":\"2099-12-31\"}");
    assertThat(ExportFixture.awaitTasks(ExportFixture.tokens.get("ecta.officer"), renewal, REVIEW))
        .hasSize(1)
        .allMatch(t -> t.path("name").asText().contains("RENEWAL"));
    ectaDecides(renewal, "{\"variables\":{\"decision\":{\"value\":\"REGISTER\"}}}");
    JsonNode me = awaitMe(applicant, "/validThrough", "2099-06-30");
    assertThat(me.path("standing").asText()).isEqualTo("ACTIVE");
    assertThat(me.at("/applications/0/status").asText()).isEqualTo("RENEWED");
    assertThat(me.at("/applications/1/status").asText()).isEqualTo("REGISTERED");
  }

  @Test
  void theOwnViewIsTheCallingExportersOnly() throws Exception {
    var officer =
        ExportFixture.call(
            "GET", "/api/exporters/me", ExportFixture.tokens.get("ecta.officer"), null);
    assertThat(officer.statusCode()).isEqualTo(403);
    assertThat(officer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    String token = ExportFixture.exporterToken();
    assertThat(ExportFixture.call("GET", "/api/exports?pageSize=0", token, null).statusCode())
        .isEqualTo(400);
    assertThat(ExportFixture.call("GET", "/api/exports?pageSize=51", token, null).statusCode())
        .isEqualTo(400);
    String forged =
        java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "\u0000export~exporter\u0000EXPORTER-DEV\u0000\u0000"
                    .getBytes(StandardCharsets.UTF_8));
    var foreign = ExportFixture.call("GET", "/api/exports?bookmark=" + forged, token, null);
    assertThat(foreign.statusCode()).as("a bookmark into another exporter's range").isEqualTo(400);
    JsonNode own =
        JSON.readTree(ExportFixture.call("GET", "/api/exporters/me", token, null).body());
    assertThat(own.path("exporterId").asText())
        .as("the exporter its certificate names, never a parameter")
        .isEqualTo(ExportFixture.exporterId);
    assertThat(own.path("standing").asText()).isEqualTo("ACTIVE");
  }
}
