package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a delegate trusts, shown where the engine REST guard cannot help: an administrator (who may
 * set variables) rewrites the variables an attacker would aim at (which export, which approval, who
 * filed) on an officer's review, and the officer's approval still lands on the process's own
 * export, as that stage's approval, signed by that officer. The other export does not move.
 */
class DelegateTrustIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  private static String file() throws Exception {
    var filed = ExportFixture.file("trust-" + UUID.randomUUID(), ExportFixture.filing());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    return JSON.readTree(filed.body()).get("exportId").asText();
  }

  @Test
  void rewrittenVariablesChangeNeitherTheExportNorTheApprovalNorTheSigner() throws Exception {
    String mine = file();
    String other = file();
    assertThat(
            ExportFixture.upload(ExportFixture.exporterToken(), mine, "SALES_CONTRACT")
                .statusCode())
        .isEqualTo(201);
    String bank = ExportFixture.tokens.get("commercial-bank.officer");
    String task = ExportFixture.awaitTasks(bank, mine, "Review").get(0).get("id").asText();

    var rewritten =
        Workflow.call(
            "POST",
            "task/" + task + "/variables",
            ExportFixture.tokens.get("admin"),
            "{\"modifications\":{"
                + "\"exportId\":{\"value\":\""
                + other
                + "\"},\"approveAction\":{\"value\":\"REJECT\"},"
                + "\"exporterUser\":{\"value\":\"commercial-bank.supervisor\"}}}");
    assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(204);

    ExportFixture.decide("commercial-bank.officer", mine, "Review", Map.of("decision", "APPROVE"));

    assertThat(ExportFixture.awaitStatus(mine, "BANK_VERIFIED").path("status").asText())
        .isEqualTo("BANK_VERIFIED");
    assertThat(ExportFixture.status(other).path("status").asText()).isEqualTo("SUBMITTED");
    assertThat(ExportFixture.status(other).path("decisions").asInt()).isEqualTo(1);
    JsonNode decisions = ExportFixture.history(mine).path("decisions");
    JsonNode last = decisions.get(decisions.size() - 1);
    assertThat(last.path("action").asText()).isEqualTo("VERIFY_AT_BANK");
    assertThat(last.path("organisation").asText()).isEqualTo("CommercialBankMSP");
    var keycloak =
        new et.coffeeexport.identity.KeycloakAdmin(
            new et.coffeeexport.identity.RealmLogin().secret("keycloak-admin"));
    assertThat(last.path("userId").asText())
        .as("signed by the officer who completed the task")
        .isEqualTo(keycloak.userId("commercial-bank.officer"));
  }
}
