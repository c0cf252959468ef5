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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

  @BeforeAll
  static void anExporterOfTheirOwn() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void anExportGoesFromFilingToCompletionWithEachStageSignedByItsOrganisation() throws Exception {
    long started = System.nanoTime();
    String key = "e2e-" + UUID.randomUUID();
    ObjectNode body = ExportFixture.filing();
    var filed = ExportFixture.file(key, body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    var again = ExportFixture.file(key, body);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("exportId").asText()).isEqualTo(exportId);

    assertThat(
            ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT")
                .statusCode())
        .isEqualTo(201);
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide(
        "ecta.officer",
        exportId,
        "Review",
        Map.of("decision", "RETURN", "reasons", "contract date unclear"));
    var amended =
        ExportFixture.call(
            "PUT",
            "/api/exports/" + exportId,
            ExportFixture.exporterToken(),
            ExportFixture.request().toString());
    assertThat(amended.statusCode()).as(amended.body()).isEqualTo(202);
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.fromQualityToShipped(exportId);
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    var milestone =
        ExportFixture.call(
            "POST",
            "/api/shipments/" + exportId + "/milestones",
            ExportFixture.tokens.get("shipping-line.officer"),
            "{\"event\":\"TRANSHIPPED\",\"location\":\"Djibouti\",\"at\":\""
                + Instant.now()
                + "\"}");
    assertThat(milestone.statusCode()).as(milestone.body()).isEqualTo(202);
    ExportFixture.arrive(exportId);
    var late =
        ExportFixture.call(
            "POST",
            "/api/shipments/" + exportId + "/milestones",
            ExportFixture.tokens.get("shipping-line.officer"),
            "{\"event\":\"DISCHARGED\",\"location\":\"Hamburg\",\"at\":\"" + Instant.now() + "\"}");
    assertThat(late.statusCode()).as("a milestone after arrival").isEqualTo(409);
    String proceeds =
        "{\"amountUsd\":146034.20,\"reference\":\"SWIFT-"
            + ExportFixture.people.run
            + "\",\"receivedOn\":\""
            + today
            + "\"}";
    // The repatriated amount is private: sent as an ordinary variable, the engine would store it.
    String bank = ExportFixture.tokens.get("commercial-bank.officer");
    String proceedsTask =
        ExportFixture.awaitTasks(bank, exportId, "RecordRepatriation").get(0).get("id").asText();
    var stored =
        Workflow.complete(
            proceedsTask,
            bank,
            "{\"variables\":{\"repatriationJson\":{\"value\":"
                + JSON.writeValueAsString(proceeds)
                + "}}}");
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(400);
    assertThat(stored.body()).contains("repatriationJson").contains("transient");
    ExportFixture.decide(
        "commercial-bank.officer",
        exportId,
        "RecordRepatriation",
        Map.of("repatriationJson", proceeds));
    var variables =
        Workflow.get(
            "history/variable-instance?deserializeValues=false&variableName=repatriationJson",
            ExportFixture.tokens.get("admin"));
    assertThat(variables.body())
        .as("no repatriated amount in the engine's history")
        .doesNotContain("146034");

    assertThat(ExportFixture.status(exportId).path("status").asText()).isEqualTo("COMPLETED");
    System.out.printf(
        "FIGURES end-to-end: one export filed and taken through every stage (one rework) in %.1f s%n",
        (System.nanoTime() - started) / 1e9);

    JsonNode history = ExportFixture.history(exportId);
    // Who must have signed each step: the exporter, or the ExportFixture.officer of the stage's
    // organisation.
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    Map<String, String[]> signer = new HashMap<>();
    signer.put("SUBMIT", new String[] {"CommercialBankMSP", ExportFixture.exporterUserId});
    signer.put("AMEND", new String[] {"CommercialBankMSP", ExportFixture.exporterUserId});
    signer.put(
        "VERIFY_AT_BANK",
        ExportFixture.officer(keycloak, "CommercialBankMSP", "commercial-bank.officer"));
    signer.put("APPROVE_COMPLIANCE", ExportFixture.officer(keycloak, "EctaMSP", "ecta.officer"));
    signer.put("RETURN_FOR_AMENDMENT", ExportFixture.officer(keycloak, "EctaMSP", "ecta.officer"));
    signer.put("CERTIFY_QUALITY", ExportFixture.officer(keycloak, "EcxMSP", "ecx.officer"));
    signer.put(
        "APPROVE_FOREIGN_EXCHANGE",
        ExportFixture.officer(keycloak, "NationalBankMSP", "national-bank.officer"));
    signer.put(
        "CLEAR_CUSTOMS",
        ExportFixture.officer(keycloak, "CustomAuthoritiesMSP", "custom-authorities.officer"));
    signer.put(
        "BOOK_SHIPMENT",
        ExportFixture.officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put("SHIP", ExportFixture.officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put(
        "RECORD_TRACKING_MILESTONE",
        ExportFixture.officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put(
        "CONFIRM_ARRIVAL",
        ExportFixture.officer(keycloak, "ShippingLineMSP", "shipping-line.officer"));
    signer.put(
        "RECORD_REPATRIATION",
        ExportFixture.officer(keycloak, "CommercialBankMSP", "commercial-bank.officer"));
    for (JsonNode decision : history.path("decisions")) {
      String action = decision.path("action").asText();
      String[] expected = signer.get(action);
      assertThat(expected).as("an expected step: %s", action).isNotNull();
      assertThat(decision.path("organisation").asText()).as(action).isEqualTo(expected[0]);
      assertThat(decision.path("userId").asText())
          .as("%s signed by its person", action)
          .isEqualTo(expected[1]);
    }
    // The workflow's decision tables are recorded with the decisions they informed.
    Map<String, String> tableOf =
        Map.of(
            "CERTIFY_QUALITY", "dmn:grade:v",
            "APPROVE_FOREIGN_EXCHANGE", "dmn:fx-rules:v");
    for (JsonNode decision : history.path("decisions")) {
      String table = tableOf.get(decision.path("action").asText());
      if (table != null) {
        assertThat(decision.path("ruleApplied").toString())
            .as(decision.path("action").asText())
            .contains(table);
      }
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
            "RECORD_TRACKING_MILESTONE",
            "CONFIRM_ARRIVAL",
            "RECORD_REPATRIATION");
    // The business metrics see it through the read model, which follows the ledger's events.
    Instant deadline = Instant.now().plusSeconds(60);
    String metrics = "";
    while (Instant.now().isBefore(deadline) && !ExportFixture.completedCounted(metrics)) {
      metrics =
          Workflow.HTTP
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:8081/actuator/prometheus"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Thread.sleep(200);
    }
    assertThat(ExportFixture.completedCounted(metrics))
        .as("coffee_exports{status=COMPLETED} > 0")
        .isTrue();
    assertThat(metrics).contains("coffee_process_incidents");
    for (String type : new String[] {"SALES_CONTRACT", "QUALITY_CERTIFICATE", "BILL_OF_LADING"}) {
      var doc =
          ExportFixture.call(
              "GET",
              "/api/exports/" + exportId + "/documents/" + type,
              ExportFixture.exporterToken(),
              null);
      assertThat(doc.statusCode()).as(type).isEqualTo(200);
      assertThat(doc.headers().firstValue("X-Document-Verified")).hasValue("true");
    }
  }

  @Test
  void aHighValueExportIsCoApprovedByASupervisorAndAnOverdueReviewEscalates() throws Exception {
    ObjectNode body = ExportFixture.filing();
    ((ObjectNode) body.get("request")).put("quantityKg", 150000); // about 1.14 million USD
    var filed = ExportFixture.file("e2e-" + UUID.randomUUID(), body);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT");
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.upload(ExportFixture.tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE");
    ExportFixture.decide(
        "ecx.officer",
        exportId,
        "Review",
        Map.of("decision", "APPROVE", "decisionJson", Consortium.QUALITY));
    ExportFixture.decide(
        "national-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(ExportFixture.status(exportId).path("status").asText())
        .as("above the threshold the officer's approval is a recommendation")
        .isEqualTo("QUALITY_CERTIFIED");
    ExportFixture.decide(
        "national-bank.supervisor",
        exportId,
        "CoApproveForeignExchange",
        Map.of("reasons", "co-approved above the four-eyes threshold"));
    JsonNode export = ExportFixture.status(exportId);
    assertThat(export.path("status").asText()).isEqualTo("FX_APPROVED");

    // The customs review waits past its service level: the timer fires, supervisors join.
    String admin = ExportFixture.tokens.get("admin");
    // The ledger shows the co-approval as soon as its step commits there; the engine's own
    // transaction, which starts the customs review, commits just after.
    JsonNode reviews = JSON.createArrayNode();
    for (long deadline = System.nanoTime() + 30_000_000_000L;
        reviews.size() == 0 && System.nanoTime() < deadline; ) {
      reviews =
          JSON.readTree(
              Workflow.get(
                      "process-instance?businessKey="
                          + exportId
                          + "&processDefinitionKey=StageReview&active=true",
                      admin)
                  .body());
      Thread.sleep(reviews.size() == 0 ? 100 : 0);
    }
    assertThat(reviews).hasSize(1);
    JsonNode jobs =
        JSON.readTree(
            Workflow.get(
                    "job?processInstanceId="
                        + reviews.get(0).get("id").asText()
                        + "&activityId=ReviewOverdue",
                    admin)
                .body());
    assertThat(jobs).hasSize(1);
    var fired =
        Workflow.call("POST", "job/" + jobs.get(0).get("id").asText() + "/execute", admin, null);
    assertThat(fired.statusCode()).as(fired.body()).isIn(200, 204);
    ExportFixture.clearAtCustoms(
        "custom-authorities.supervisor", exportId, "DEC-S-" + ExportFixture.people.run);
    assertThat(ExportFixture.status(exportId).path("status").asText()).isEqualTo("CUSTOMS_CLEARED");

    JsonNode history = ExportFixture.history(exportId);
    List<String> fxRoles = new ArrayList<>();
    String customsRole = null;
    for (JsonNode d : history.path("decisions")) {
      if (d.path("action").asText().equals("APPROVE_FOREIGN_EXCHANGE")) {
        fxRoles.add(d.path("role").asText());
      }
      if (d.path("action").asText().equals("CLEAR_CUSTOMS")) {
        customsRole = d.path("role").asText();
      }
    }
    assertThat(fxRoles).as("FX decided by the officer and the supervisor").contains("SUPERVISOR");
    assertThat(customsRole)
        .as("the escalated review taken by Customs' supervisor")
        .isEqualTo("SUPERVISOR");
  }

  @Test
  void anExporterCancelsBeforeClearanceAndNotTwice() throws Exception {
    var filed = ExportFixture.file("e2e-" + UUID.randomUUID(), ExportFixture.filing());
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT");
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    var cancelled =
        ExportFixture.call(
            "POST",
            "/api/exports/" + exportId + "/cancellation",
            ExportFixture.exporterToken(),
            "{\"reasons\":[\"buyer withdrew\"]}");
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
    assertThat(ExportFixture.awaitStatus(exportId, "CANCELLED").path("status").asText())
        .isEqualTo("CANCELLED");
    JsonNode history = ExportFixture.history(exportId);
    for (JsonNode d : history.path("decisions")) {
      if ("CANCEL".equals(d.path("action").asText())) {
        assertThat(d.path("role").asText())
            .as("the cancellation is signed by the exporter who asked for it")
            .isEqualTo("EXPORTER");
      }
    }
    JsonNode tasks =
        JSON.readTree(
            Workflow.get(
                    "task?processInstanceBusinessKey=" + exportId,
                    ExportFixture.tokens.get("admin"))
                .body());
    assertThat(tasks).as("no work left on a cancelled export").isEmpty();
    var again =
        ExportFixture.call(
            "POST",
            "/api/exports/" + exportId + "/cancellation",
            ExportFixture.exporterToken(),
            "{\"reasons\":[\"again\"]}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void aRequestWithTheSameKeyButAnotherBodyIsAConflict() throws Exception {
    String key = "e2e-" + UUID.randomUUID();
    ObjectNode body = ExportFixture.filing();
    assertThat(ExportFixture.file(key, body).statusCode()).isEqualTo(201);
    ObjectNode other = body.deepCopy();
    ((ObjectNode) other.get("request")).put("quantityKg", 9600);
    var conflict =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.exporterToken(),
            other.toString(),
            Map.of("Idempotency-Key", key));
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void badInputIsAProblemAndFilesNothing() throws Exception {
    var missingKey =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.exporterToken(),
            ExportFixture.filing().toString(),
            Map.of());
    assertThat(missingKey.statusCode()).isEqualTo(400);
    var malformed =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.exporterToken(),
            "{\"request\":{\"grade\":7}}",
            Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    var asOfficer =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.tokens.get("ecx.officer"),
            ExportFixture.filing().toString(),
            Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertThat(asOfficer.statusCode()).isEqualTo(403);
    ObjectNode salted = ExportFixture.filing();
    ((ObjectNode) salted.get("terms")).put("salt", "chosen-by-the-exporter-0001");
    var ownSalt =
        ExportFixture.send(
            "POST",
            "/api/exports",
            ExportFixture.exporterToken(),
            salted.toString(),
            Map.of("Idempotency-Key", "e2e-" + UUID.randomUUID()));
    assertThat(ownSalt.statusCode()).as("the platform salts the terms' hash").isEqualTo(400);
    assertThat(ownSalt.body()).contains("salt");
  }
}
