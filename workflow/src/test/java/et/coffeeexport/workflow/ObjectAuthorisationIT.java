package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may see what of an export, tried as the adversarial members would: private terms are in no
 * process variable (not in an officer's task, not in what analysts read); each document's content
 * only for the organisations DOMAIN.md names and its exporter, through the API and the task forms;
 * the task forms' API only for someone holding a task on that export.
 */
class ObjectAuthorisationIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI APP = ExportFixture.APP;

  /** One export at ECX's review, with a sales contract: what every test below looks at. */
  private static String exportId;

  @BeforeAll
  static void anExportAtQualityReview() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    ExportFixture.ready(NETWORK);
    exportId = ExportFixture.filedWithContract("authz");
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(
            ExportFixture.awaitTasks(ExportFixture.tokens.get("ecx.officer"), exportId, "Review"))
        .hasSize(1);
  }

  @Test
  void privateTermsAreInNoProcessVariableNorInWhatAnalystsRead() throws Exception {
    String ecx = ExportFixture.tokens.get("ecx.officer");
    String taskId = ExportFixture.tasksOf(ecx, exportId, "Review").get(0).get("id").asText();
    var mine = Workflow.get("task/" + taskId + "/variables", ecx);
    assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
    assertNoPrivateTerms("ECX's review task", mine.body());

    // Everything the engine ever held for this export, main process and called reviews alike.
    String admin = ExportFixture.tokens.get("admin");
    List<String> instances = new ArrayList<>();
    JSON.readTree(
            Workflow.get("history/process-instance?processInstanceBusinessKey=" + exportId, admin)
                .body())
        .forEach(p -> instances.add(p.get("id").asText()));
    assertThat(instances).hasSizeGreaterThanOrEqualTo(3);
    for (String instance : instances) {
      var variables =
          Workflow.get(
              "history/variable-instance?deserializeValues=false&processInstanceId=" + instance,
              admin);
      assertThat(variables.statusCode()).isEqualTo(200);
      assertNoPrivateTerms("the history of " + instance, variables.body());
      var decisions =
          Workflow.get(
              "history/decision-instance?includeInputs=true&processInstanceId=" + instance, admin);
      assertNoPrivateTerms("the decision history of " + instance, decisions.body());
    }
  }

  private static void assertNoPrivateTerms(String where, String json) {
    assertThat(json)
        .as("%s holds no private term", where)
        .doesNotContain("valueUsd")
        .doesNotContain("paymentMode\"")
        .doesNotContain("termsJson")
        .doesNotContain("pricePerLbUsd")
        // The price as a figure of its own, not the digits inside a timestamp or an id.
        .doesNotContainPattern("(?<![\\d:.])3\\.45(?!\\d)")
        .doesNotContain("Hamburg Roasters")
        .doesNotContain("LC-E2E-");
  }

  @Test
  void theSalesContractIsForTheBanksAndEctaOnlyThroughTheApi() throws Exception {
    String path = "/api/exports/" + exportId + "/documents/SALES_CONTRACT";
    for (String outsider :
        new String[] {"ecx.officer", "custom-authorities.officer", "shipping-line.officer"}) {
      var refused = ExportFixture.call("GET", path, ExportFixture.tokens.get(outsider), null);
      assertThat(refused.statusCode()).as("%s: %s", outsider, refused.body()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(refused.body()).doesNotContain("%PDF");
    }
    for (String reader : new String[] {"commercial-bank.officer", "national-bank.officer"}) {
      var read = ExportFixture.call("GET", path, ExportFixture.tokens.get(reader), null);
      assertThat(read.statusCode()).as("%s: %s", reader, read.body()).isEqualTo(200);
      assertThat(read.body()).contains("SALES_CONTRACT of " + exportId);
    }
    var own = ExportFixture.call("GET", path, ExportFixture.exporterToken(), null);
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void theTaskFormsApiIsOnlyForWhoeverHoldsATaskOnTheExport() throws Exception {
    URI view = APP.resolve("/forms-api/exports/" + exportId);
    URI contract = APP.resolve("/forms-api/exports/" + exportId + "/documents/SALES_CONTRACT");

    // Another exporter, signed in to the web applications: no task on this export.
    RealmLogin otherExporter = signedIn("exporter");
    var refused = otherExporter.get(view);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
    assertThat(refused.body()).doesNotContain("SIDAMA").doesNotContain("quantityKg");
    assertThat(otherExporter.get(contract).statusCode()).isEqualTo(404);

    // Customs has no task on it yet.
    assertThat(signedIn("custom-authorities.officer").get(view).statusCode()).isEqualTo(404);

    // ECX holds the review: it sees the export and that a sales contract is anchored, not its text.
    RealmLogin ecx = signedIn("ecx.officer");
    var seen = ecx.get(view);
    assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
    JsonNode documents = JSON.readTree(seen.body()).get("documents");
    assertThat(documents).hasSize(1);
    assertThat(documents.get(0).get("type").asText()).isEqualTo("SALES_CONTRACT");
    assertThat(documents.get(0).get("readable").asBoolean()).isFalse();
    var content = ecx.get(contract);
    assertThat(content.statusCode()).as(content.body()).isEqualTo(403);
    assertThat(content.body()).doesNotContain("%PDF");
  }

  /** A web application session of a development user, through Keycloak (with TOTP if they have). */
  private static RealmLogin signedIn(String username) throws Exception {
    return ExportFixture.webSession(username);
  }
}
