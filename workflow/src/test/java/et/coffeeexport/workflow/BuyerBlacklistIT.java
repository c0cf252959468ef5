package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ECTA's buyer blacklist on the real platform, each change started by ECTA's officer through the
 * engine REST API: a blacklisted buyer's filing is refused, and so is National Bank's FX approval
 * of an export already on its way with that buyer (it returns to the officer with the reason);
 * taken off the blacklist, both pass. Taking off a buyer not on the list is refused back to the
 * officer. The registry's trail names the officer for each change.
 */
class BuyerBlacklistIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void aBlacklistedBuyerIsRefusedAtFilingAndAtForeignExchangeUntilTakenOff() throws Exception {
    String buyer = "BUYER-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String exportId = filedFor(buyer, 201);
    ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT");
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.upload(ExportFixture.tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE");
    ExportFixture.decide(
        "ecx.officer",
        exportId,
        "Review",
        Map.of(
            "decision",
            "APPROVE",
            "decisionJson",
            et.coffeeexport.connectors.testing.Consortium.QUALITY));

    String entry =
        Administration.start(
            "ecta.officer",
            ExportProcess.BUYER_BLACKLIST,
            Map.of(
                "change", "BLACKLIST",
                "buyerId", buyer,
                "buyerName", "Defaulting Roasters GmbH",
                "buyerCountry", "DE",
                "reasons", "non-payment of two shipments"));
    assertThat(Administration.endedAt(entry)).isEqualTo("BuyerBlacklisted");
    JsonNode listed = last(buyer);
    assertThat(listed.path("to").asText()).isEqualTo("BLACKLISTED");
    assertThat(listed.path("userId").asText()).isEqualTo(Administration.userIdOf("ecta.officer"));
    // The officer who started it reads in Tasklist what the ledger did: the transaction the
    // registry's trail names.
    JsonNode outcome = Administration.outcome(ExportFixture.webSession("ecta.officer"), entry);
    assertThat(outcome.path("outcome").asText()).as(outcome.toString()).isEqualTo("COMMITTED");
    assertThat(outcome.path("transactionId").asText()).isEqualTo(listed.path("txId").asText());
    ExportFixture.people.settle();

    var refused = filing(buyer);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("BUYER_BLACKLISTED");
    ExportFixture.decide(
        "national-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    JsonNode review =
        ExportFixture.awaitTasks(
            ExportFixture.tokens.get("national-bank.officer"), exportId, "Review");
    assertThat(review).hasSize(1);
    assertThat(variable(review.get(0).path("id").asText(), ExportProcess.LEDGER_REFUSAL))
        .startsWith("BUYER_BLACKLISTED");
    assertThat(ExportFixture.status(exportId).path("status").asText())
        .isEqualTo("QUALITY_CERTIFIED");

    String removal =
        Administration.start(
            "ecta.officer",
            ExportProcess.BUYER_BLACKLIST,
            Map.of("change", "REMOVE", "buyerId", buyer, "reasons", "debts settled"));
    assertThat(Administration.endedAt(removal)).isEqualTo("BuyerRemovedFromBlacklist");
    assertThat(last(buyer).path("to").asText()).isEqualTo("CLEAR");
    ExportFixture.people.settle();

    filedFor(buyer, 201);
    ExportFixture.decide(
        "national-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    assertThat(ExportFixture.awaitStatus(exportId, "FX_APPROVED").path("status").asText())
        .isEqualTo("FX_APPROVED");
  }

  @Test
  void takingOffABuyerNotOnTheBlacklistIsRefusedBackToTheOfficer() throws Exception {
    String buyer = "BUYER-IT-" + UUID.randomUUID().toString().substring(0, 8);
    String removal =
        Administration.start(
            "ecta.officer",
            ExportProcess.BUYER_BLACKLIST,
            Map.of("change", "REMOVE", "buyerId", buyer, "reasons", "settled"));
    JsonNode revise = Administration.task("ecta.officer", removal, "ReviseBlacklistChange");
    assertThat(Administration.variable(removal, ExportProcess.LEDGER_REFUSAL))
        .startsWith("NOT_FOUND");
    Administration.complete(
        "ecta.officer", revise, Map.of("decision", "WITHDRAW", "reasons", "never listed"));
    assertThat(Administration.endedAt(removal)).isEqualTo("BlacklistChangeWithdrawn");
  }

  private static JsonNode last(String buyer) throws Exception {
    JsonNode trail = Administration.trail(NETWORK, "buyer", buyer);
    assertThat(trail).isNotEmpty();
    return trail.get(trail.size() - 1);
  }

  private static java.net.http.HttpResponse<String> filing(String buyer) throws Exception {
    ObjectNode body = ExportFixture.filing();
    ((ObjectNode) body.get("request"))
        .put("contractNumber", "SC-BL-" + UUID.randomUUID().toString().substring(0, 8));
    ((ObjectNode) body.get("terms")).put("buyerId", buyer);
    return ExportFixture.file("bl-" + UUID.randomUUID(), body);
  }

  private static String filedFor(String buyer, int expected) throws Exception {
    var filed = filing(buyer);
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(expected);
    return JSON.readTree(filed.body()).get("exportId").asText();
  }

  private static String variable(String taskId, String name) throws Exception {
    var response =
        Workflow.get("task/" + taskId + "/variables/" + name, ExportFixture.tokens.get("admin"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("value").asText();
  }
}
