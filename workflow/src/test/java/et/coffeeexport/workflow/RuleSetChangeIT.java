package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.RefusalCode;
import et.coffeeexport.domain.RuleSet;
import et.coffeeexport.domain.RuleSetProposal;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A rule-set change through the process, everything real: an ECTA officer starts it through the
 * engine's REST API with their own token and the start form's typed fields; the proposal is on the
 * ledger signed by them while the rule set in force stays the old one; an ECTA identity cannot
 * co-sign it, on the ledger or in the engine; the National Bank supervisor co-signs it and from its
 * effective date (today) the ledger's rule set in force is the new version, naming both signers. A
 * start form the server refuses starts nothing. The change sets a rule to the value it has, so the
 * other tests on the platform meet the same rules.
 */
class RuleSetChangeIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void ectaProposesNationalBankCoSignsAndTheLedgerPutsTheNewVersionInForce() throws Exception {
    RuleSet before = inForce();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String directive = "RuleSetChangeIT " + ExportFixture.people.run;
    Map<String, String> form = sameExtensionDays(before, directive);

    var started = start("ecta.officer", form);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();

    // The proposal step runs asynchronously: the supervisor's task opens once it committed.
    JsonNode cosign =
        task("national-bank.supervisor", instance, ExportProcess.COSIGN_RULE_SET_CHANGE);
    int version = before.version() + 1;
    assertThat(cosign.path("name").asText())
        .isEqualTo("Co-sign rule set " + version + ", in force from " + today);
    var keycloak = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
    RuleSetProposal proposal;
    try (var ledger = NETWORK.connector()) {
      var rules = ledger.coffeeExport();
      var ecta = ExportFixture.people.signatory("ecta");
      proposal = rules.readRuleSetProposal(ecta, version);
      assertThat(proposal.rules().proposedBy()).isEqualTo(keycloak.userId("ecta.officer"));
      assertThat(proposal.rules().directive()).isEqualTo(directive);
      assertThat(rules.readRuleSet(ecta).version())
          .as("a proposal is not in force")
          .isEqualTo(before.version());
      // ECTA alone cannot put it in force, whatever client it uses.
      assertThatThrownBy(() -> rules.cosignRuleSet(ecta, version, proposal.hash()))
          .isInstanceOfSatisfying(
              LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.FORBIDDEN));
    }
    var byEcta =
        Workflow.complete(
            cosign.path("id").asText(),
            ExportFixture.tokens.get("ecta.officer"),
            variables(Map.of(ExportProcess.DECISION, "COSIGN")));
    assertThat(byEcta.statusCode())
        .as("ECTA completes National Bank's co-signature")
        .isNotIn(200, 204);
    assertThat(inForce().version()).isEqualTo(before.version());

    var done =
        Workflow.complete(
            cosign.path("id").asText(),
            ExportFixture.tokens.get("national-bank.supervisor"),
            variables(Map.of(ExportProcess.DECISION, "COSIGN")));
    assertThat(done.statusCode()).as(done.body()).isIn(200, 204);
    awaitEnded(instance);

    RuleSet after = inForce();
    assertThat(after.version()).as("in force from today, its effective date").isEqualTo(version);
    assertThat(after.effectiveDate()).isEqualTo(today);
    assertThat(after.directive()).isEqualTo(directive);
    assertThat(after.proposedBy()).isEqualTo(keycloak.userId("ecta.officer"));
    assertThat(after.cosignedBy()).isEqualTo(keycloak.userId("national-bank.supervisor"));
    assertThat(after.maxShipmentExtensionDays()).isEqualTo(before.maxShipmentExtensionDays());
    try (var ledger = NETWORK.connector()) {
      assertThat(
              ledger
                  .coffeeExport()
                  .readRuleSet(ExportFixture.people.signatory("ecx"), before.version())
                  .version())
          .as("the version exports filed before keep")
          .isEqualTo(before.version());
    }
  }

  /**
   * National Bank sends the change back and the ECTA officer withdraws it: the proposal is gone
   * from the ledger too, so a National Bank supervisor alone, whatever client they use, cannot put
   * a change ECTA gave up in force.
   */
  @Test
  void aChangeEctaWithdrawsIsWithdrawnOnTheLedgerAndNationalBankCannotCoSignIt() throws Exception {
    RuleSet before = inForce();
    var started =
        start(
            "ecta.officer",
            sameExtensionDays(before, "RuleSetChangeIT withdrawn " + ExportFixture.people.run));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).path("id").asText();
    JsonNode cosign =
        task("national-bank.supervisor", instance, ExportProcess.COSIGN_RULE_SET_CHANGE);
    int version = before.version() + 1;
    RuleSetProposal proposal;
    try (var ledger = NETWORK.connector()) {
      proposal =
          ledger
              .coffeeExport()
              .readRuleSetProposal(ExportFixture.people.signatory("ecta"), version);
    }
    Administration.complete(
        "national-bank.supervisor",
        cosign,
        Map.of(ExportProcess.DECISION, "SEND_BACK", ExportProcess.REASONS, "not this year"));
    JsonNode revise = task("ecta.officer", instance, ExportProcess.REVISE_RULE_SET_CHANGE);
    Administration.complete("ecta.officer", revise, Map.of(ExportProcess.DECISION, "WITHDRAW"));
    assertThat(Administration.endedAt(instance)).isEqualTo("RuleSetChangeWithdrawn");

    try (var ledger = NETWORK.connector()) {
      var rules = ledger.coffeeExport();
      var ecta = ExportFixture.people.signatory("ecta");
      assertThatThrownBy(() -> rules.readRuleSetProposal(ecta, version))
          .as("the proposal is withdrawn on the ledger")
          .isInstanceOfSatisfying(
              LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.NOT_FOUND));
      var supervisor = Signatory.of(ExportFixture.people.nbeSupervisor.credentials);
      assertThatThrownBy(() -> rules.cosignRuleSet(supervisor, version, proposal.hash()))
          .as("National Bank alone cannot put a withdrawn change in force")
          .isInstanceOfSatisfying(
              LedgerRefusal.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.NOT_FOUND));
      assertThat(rules.readRuleSet(ecta).version()).isEqualTo(before.version());
    }
  }

  @Test
  void aStartFormTheServerRefusesStartsNothing() throws Exception {
    var refused =
        start(
            "ecta.officer",
            Map.of(
                ExportProcess.ruleField(1),
                "SHIPMENT_PERIOD_DAYS",
                ExportProcess.newValueField(1),
                "ninety",
                ExportProcess.EFFECTIVE_DATE,
                LocalDate.now(ZoneOffset.UTC).toString(),
                ExportProcess.DIRECTIVE,
                "RuleSetChangeIT refused"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(ExportProcess.newValueField(1));
    var byNationalBank =
        start(
            "national-bank.supervisor",
            Map.of(
                ExportProcess.ruleField(1),
                "SHIPMENT_PERIOD_DAYS",
                ExportProcess.newValueField(1),
                "90",
                ExportProcess.EFFECTIVE_DATE,
                LocalDate.now(ZoneOffset.UTC).toString(),
                ExportProcess.DIRECTIVE,
                "RuleSetChangeIT not ECTA's"));
    assertThat(byNationalBank.statusCode())
        .as("only ECTA starts a rule-set change: %s", byNationalBank.body())
        .isIn(401, 403, 404);
  }

  /**
   * A change from today that sets the shipment extension days to the value they have: the other
   * tests on the platform meet the same rules.
   */
  private static Map<String, String> sameExtensionDays(RuleSet before, String directive) {
    return Map.of(
        ExportProcess.ruleField(1),
        "MAX_SHIPMENT_EXTENSION_DAYS",
        ExportProcess.newValueField(1),
        Integer.toString(before.maxShipmentExtensionDays()),
        ExportProcess.EFFECTIVE_DATE,
        LocalDate.now(ZoneOffset.UTC).toString(),
        ExportProcess.DIRECTIVE,
        directive);
  }

  private static java.net.http.HttpResponse<String> start(String person, Map<String, String> form)
      throws Exception {
    return Workflow.call(
        "POST",
        "process-definition/key/" + ExportProcess.RULE_SET_CHANGE + "/start",
        ExportFixture.tokens.get(person),
        variables(form));
  }

  private static String variables(Map<String, String> values) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode vars = body.putObject("variables");
    values.forEach((k, v) -> vars.putObject(k).put("value", v));
    return body.toString();
  }

  private static RuleSet inForce() throws Exception {
    try (var ledger = NETWORK.connector()) {
      return ledger.coffeeExport().readRuleSet(ExportFixture.people.signatory("ecx"));
    }
  }

  /** The one open task {@code key} of the instance, as {@code person} sees it. */
  private static JsonNode task(String person, String instance, String key) throws Exception {
    return Workflow.awaitList(
            "task?processInstanceId=" + instance + "&taskDefinitionKey=" + key,
            ExportFixture.tokens.get(person),
            1,
            person + " sees " + key)
        .get(0);
  }

  private static void awaitEnded(String instance) throws Exception {
    Workflow.awaitList(
        "process-instance?processInstanceIds=" + instance,
        ExportFixture.tokens.get("admin"),
        0,
        "the change " + instance + " ends");
  }
}
