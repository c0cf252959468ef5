package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.domain.ExporterStanding;
import et.coffeeexport.domain.RefusalCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exporter standing changes on the real platform, each started by an officer through the engine
 * REST API with their own token. ECTA's officer suspends an exporter of the test's own: its filing
 * is refused; the officer proposes the reinstatement, ECTA's supervisor co-signs it, and the filing
 * is accepted; the registry's trail names each signer. National Bank's officer marks another
 * exporter delinquent, is refused a clearance without evidence, and clears it naming the export
 * whose repatriation advice Commercial Bank anchored; the evidence is recorded with the change.
 */
class ExporterStandingIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void aSuspendedExportersFilingIsRefusedUntilAnEctaSupervisorCoSignsItsReinstatement()
      throws Exception {
    var exporter = Administration.Exporter.licensed(NETWORK, "SUSP");
    String suspension =
        Administration.start(
            "ecta.officer",
            ExportProcess.EXPORTER_STANDING,
            Map.of(
                "exporterId",
                exporter.id(),
                "standing",
                "SUSPENDED",
                "reasons",
                "competence certificate under review",
                "documents",
                "ECTA/AUDIT/" + ExportFixture.people.run));
    assertThat(Administration.endedAt(suspension)).isEqualTo("ExporterSuspended");
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("SUSPENDED");
    JsonNode suspended = last(Administration.trail(NETWORK, "exporter", exporter.id()));
    assertThat(suspended.path("to").asText()).isEqualTo("SUSPENDED");
    assertThat(suspended.path("organisation").asText()).isEqualTo("EctaMSP");
    assertThat(suspended.path("userId").asText())
        .isEqualTo(Administration.userIdOf("ecta.officer"));
    assertThat(suspended.path("documents").toString()).contains("ECTA/AUDIT/");
    ExportFixture.people.settle();

    var refused = exporter.file("BUYER-HAMBURG-1");
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).contains("EXPORTER_NOT_ACTIVE");

    String reinstatement =
        Administration.start(
            "ecta.officer",
            ExportProcess.EXPORTER_STANDING,
            Map.of(
                "exporterId", exporter.id(),
                "standing", "ACTIVE",
                "reasons", "audit passed"));
    JsonNode cosign = Administration.task("ecta.supervisor", reinstatement, "CosignStandingChange");
    assertThat(Administration.standing(NETWORK, exporter.id()))
        .as("proposed, not yet co-signed")
        .isEqualTo("SUSPENDED");
    // The co-signer signs the proposal's reasons as they stand: a completion that rewrites them is
    // refused, and changes nothing.
    var rewritten =
        Workflow.complete(
            cosign.path("id").asText(),
            ExportFixture.tokens.get("ecta.supervisor"),
            Administration.variables(Map.of("decision", "COSIGN", "reasons", "none needed")));
    assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
    assertThat(rewritten.body()).contains("reasons");
    Administration.complete("ecta.supervisor", cosign, Map.of("decision", "COSIGN"));
    assertThat(Administration.endedAt(reinstatement)).isEqualTo("StandingChanged");
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("ACTIVE");
    JsonNode reinstated = last(Administration.trail(NETWORK, "exporter", exporter.id()));
    assertThat(reinstated.path("role").asText()).isEqualTo("SUPERVISOR");
    assertThat(reinstated.toString()).contains("audit passed").doesNotContain("none needed");
    assertThat(reinstated.path("userId").asText())
        .isEqualTo(Administration.userIdOf("ecta.supervisor"));
    assertThat(reinstated.path("proposal").path("userId").asText())
        .isEqualTo(Administration.userIdOf("ecta.officer"));
    ExportFixture.people.settle();

    var accepted = exporter.file("BUYER-HAMBURG-1");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
  }

  /**
   * The supervisor sends a ban back and the officer withdraws it: the proposal is withdrawn on the
   * ledger too, so no ECTA supervisor alone, whatever client they use, can take it afterwards.
   */
  @Test
  void aBanTheOfficerWithdrawsCannotBeTakenByASupervisorAlone() throws Exception {
    var exporter = Administration.Exporter.licensed(NETWORK, "WDRN");
    String ban =
        Administration.start(
            "ecta.officer",
            ExportProcess.EXPORTER_STANDING,
            Map.of(
                "exporterId", exporter.id(),
                "standing", "BANNED",
                "reasons", "forged certificate suspected"));
    JsonNode cosign = Administration.task("ecta.supervisor", ban, "CosignStandingChange");
    Administration.complete(
        "ecta.supervisor",
        cosign,
        Map.of("decision", "SEND_BACK", "cosignatureNotes", "the laboratory has not confirmed it"));
    JsonNode revise = Administration.task("ecta.officer", ban, "ReviseStandingChange");
    Administration.complete("ecta.officer", revise, Map.of("decision", "WITHDRAW"));
    assertThat(Administration.endedAt(ban)).isEqualTo("StandingChangeWithdrawn");

    try (var ledger = NETWORK.connector()) {
      var supervisor = Signatory.of(ExportFixture.people.supervisor("ecta").credentials);
      assertThatThrownBy(
              () ->
                  ledger
                      .userManagement()
                      .changeExporterStanding(
                          supervisor,
                          exporter.id(),
                          ExporterStanding.BANNED,
                          List.of("forged certificate suspected"),
                          List.of()))
          .as("nothing is left pending for a supervisor to take alone")
          .isInstanceOfSatisfying(
              LedgerRefusal.class,
              e -> assertThat(e.code()).isEqualTo(RefusalCode.FOUR_EYES_REQUIRED));
    }
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("ACTIVE");
  }

  @Test
  void nationalBankMarksADelinquencyAndClearsItOnlyOnTheRepatriationEvidence() throws Exception {
    var exporter = Administration.Exporter.licensed(NETWORK, "DELQ");
    var filed = exporter.file("BUYER-HAMBURG-1");
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    var advice =
        ExportFixture.upload(
            ExportFixture.tokens.get("commercial-bank.officer"), exportId, "REPATRIATION_ADVICE");
    assertThat(advice.statusCode()).as(advice.body()).isEqualTo(201);

    String marking =
        Administration.start(
            "national-bank.officer",
            ExportProcess.EXPORTER_DELINQUENCY,
            Map.of(
                "exporterId", exporter.id(),
                "standing", "DELINQUENT",
                "reasons", "proceeds of an earlier contract not repatriated"));
    assertThat(Administration.endedAt(marking)).isEqualTo("DelinquencyChanged");
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("DELINQUENT");
    JsonNode marked = last(Administration.trail(NETWORK, "exporter", exporter.id()));
    assertThat(marked.path("organisation").asText()).isEqualTo("NationalBankMSP");
    assertThat(marked.path("userId").asText())
        .isEqualTo(Administration.userIdOf("national-bank.officer"));

    String clearing =
        Administration.start(
            "national-bank.officer",
            ExportProcess.EXPORTER_DELINQUENCY,
            Map.of(
                "exporterId", exporter.id(),
                "standing", "ACTIVE",
                "reasons", "proceeds repatriated"));
    JsonNode revise =
        Administration.task("national-bank.officer", clearing, "ReviseDelinquencyChange");
    assertThat(Administration.variable(clearing, ExportProcess.LEDGER_REFUSAL))
        .startsWith("PRECONDITION_FAILED: no repatriation evidence");
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("DELINQUENT");

    Administration.complete(
        "national-bank.officer",
        revise,
        Map.of(
            "decision", "RESUBMIT",
            "repatriatedExportId", exportId,
            "reasons", "proceeds repatriated"));
    assertThat(Administration.endedAt(clearing)).isEqualTo("DelinquencyChanged");
    assertThat(Administration.standing(NETWORK, exporter.id())).isEqualTo("ACTIVE");
    JsonNode cleared = last(Administration.trail(NETWORK, "exporter", exporter.id()));
    assertThat(cleared.path("from").asText()).isEqualTo("DELINQUENT");
    assertThat(cleared.path("documents").toString())
        .contains("repatriation evidence: " + exportId + "/REPATRIATION_ADVICE v1 sha256:");
  }

  private static JsonNode last(JsonNode trail) {
    assertThat(trail).isNotEmpty();
    return trail.get(trail.size() - 1);
  }
}
