package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of ECTA's standing changes: a suspension by the officer alone; a ban or reinstatement
 * proposed by the officer and co-signed by an ECTA supervisor, or sent back; each refusal back to
 * whoever decided; both escalations.
 */
class ExporterStandingProcessTest {
  private final AdministrationHarness h = new AdministrationHarness();

  private void start(String standing) {
    h.start(
        ExportProcess.EXPORTER_STANDING,
        "ecta.officer",
        Map.of(
            ExportProcess.EXPORTER_ID, "EXPORTER-7",
            ExportProcess.STANDING, standing,
            ExportProcess.REASONS, "competence certificate forged",
            ExportProcess.DOCUMENTS, "ECTA/INSP/2026/77"));
  }

  @Test
  void onlyEctaOfficersStartIt() {
    assertThat(AdministrationHarness.starterGroups(ExportProcess.EXPORTER_STANDING))
        .containsExactly("ecta");
  }

  @Test
  void anEctaOfficerSuspendsAnExporterAlone() {
    start("SUSPENDED");
    assertThat(h.businessKey()).isEqualTo("EXPORTER-7");
    assertThat(h.variable(ExportProcess.INITIATOR)).isEqualTo("ecta.officer");
    assertThat(h.ledger).containsExactly("RecordSuspension:CHANGE");
    assertThat(h.ended()).isTrue();
    assertThat(h.endEvents()).containsExactly("ExporterSuspended");
  }

  @ParameterizedTest
  @ValueSource(strings = {"BANNED", "ACTIVE"})
  void aBanOrReinstatementIsProposedThenCoSignedByAnEctaSupervisor(String standing) {
    start(standing);
    assertThat(h.ledger).containsExactly("RecordStandingProposal:PROPOSE");
    var cosign = h.task("CosignStandingChange");
    assertThat(cosign.getName()).isEqualTo("Co-sign: EXPORTER-7 to become " + standing);
    assertThat(h.candidates(cosign)).containsExactly("ecta-supervisors");
    assertThat(cosign.getDescription()).startsWith("Proposed by ecta.officer");
    // The supervisor's form shows (and signs) the proposal's reasons and documents.
    assertThat(
            AdministrationHarness.ENGINE
                .getFormService()
                .getTaskFormData(cosign.getId())
                .getFormFields())
        .filteredOn(f -> f.getId().equals(ExportProcess.DOCUMENTS))
        .singleElement()
        .satisfies(f -> assertThat(f.getValue().getValue()).isEqualTo("ECTA/INSP/2026/77"));
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "COSIGN"));

    assertThat(h.ledger)
        .containsExactly("RecordStandingProposal:PROPOSE", "RecordCosignedChange:CHANGE");
    assertThat(h.endEvents()).containsExactly("StandingChanged");
  }

  @Test
  void aSupervisorSendsTheProposalBackAndTheOfficerProposesAgain() {
    start("BANNED");
    h.complete(
        "CosignStandingChange",
        Map.of(ExportProcess.DECISION, "SEND_BACK", "cosignatureNotes", "attach the audit"));
    var revise = h.task("ReviseStandingChange");
    assertThat(revise.getAssignee()).as("back to the proposer").isEqualTo("ecta.officer");
    assertThat(h.candidates(revise)).containsExactly("ecta");
    assertThat(revise.getDescription()).isEqualTo("Sent back by the supervisor: attach the audit");
    h.complete(
        "ReviseStandingChange",
        Map.of(
            ExportProcess.DECISION,
            "RESUBMIT",
            ExportProcess.REASONS,
            "competence certificate forged",
            ExportProcess.DOCUMENTS,
            "EXP-9/SALES_CONTRACT"));
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "COSIGN"));
    assertThat(h.ledger)
        .containsExactly(
            "RecordStandingProposal:PROPOSE",
            "RecordStandingProposal:PROPOSE",
            "RecordCosignedChange:CHANGE");
    assertThat(h.endEvents()).containsExactly("StandingChanged");
  }

  @Test
  void theOfficerMayWithdrawAChangeSentBack() {
    start("ACTIVE");
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "SEND_BACK"));
    h.complete(
        "ReviseStandingChange",
        Map.of(ExportProcess.DECISION, "WITHDRAW", ExportProcess.REASONS, "audit pending"));
    assertThat(h.ledger)
        .as("the proposal pending on the ledger is withdrawn there too")
        .containsExactly("RecordStandingProposal:PROPOSE", "WithdrawStandingProposal:WITHDRAW");
    assertThat(h.endEvents()).containsExactly("StandingChangeWithdrawn");
  }

  @Test
  void aRefusedWithdrawalGoesBackToTheOfficerWithTheReason() {
    start("ACTIVE");
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "SEND_BACK"));
    h.refuseOnce.add("WithdrawStandingProposal");
    h.complete("ReviseStandingChange", Map.of(ExportProcess.DECISION, "WITHDRAW"));
    assertThat(h.task("ReviseStandingChange").getDescription())
        .as("the officer is told why the task is back")
        .contains("Refused by the ledger: ");
    h.complete("ReviseStandingChange", Map.of(ExportProcess.DECISION, "WITHDRAW"));
    assertThat(h.ledger)
        .containsExactly("RecordStandingProposal:PROPOSE", "WithdrawStandingProposal:WITHDRAW");
    assertThat(h.endEvents()).containsExactly("StandingChangeWithdrawn");
  }

  @Test
  void aRefusedSuspensionGoesBackToTheOfficerWithTheReason() {
    h.refuseOnce.add("RecordSuspension");
    start("SUSPENDED");
    var revise = h.task("ReviseStandingChange");
    assertThat((String) h.variable(ExportProcess.LEDGER_REFUSAL)).startsWith("ILLEGAL_TRANSITION");
    assertThat(revise.getDescription()).contains("Refused by the ledger: ILLEGAL_TRANSITION");
    h.complete(
        "ReviseStandingChange",
        Map.of(ExportProcess.DECISION, "RESUBMIT", ExportProcess.REASONS, "audit failed"));
    assertThat(h.ledger).containsExactly("RecordSuspension:CHANGE");
    assertThat(h.endEvents()).containsExactly("ExporterSuspended");
  }

  @Test
  void aRefusedProposalGoesBackToTheOfficer() {
    h.refuseOnce.add("RecordStandingProposal");
    start("BANNED");
    assertThat(h.ledger).isEmpty();
    h.complete(
        "ReviseStandingChange",
        Map.of(ExportProcess.DECISION, "WITHDRAW", ExportProcess.REASONS, "already banned"));
    assertThat(h.endEvents()).containsExactly("StandingChangeWithdrawn");
  }

  @Test
  void aRefusedCoSignatureGoesBackToTheSupervisor() {
    start("BANNED");
    h.refuseOnce.add("RecordCosignedChange");
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "COSIGN"));
    var again = h.task("CosignStandingChange");
    assertThat(again.getDescription()).contains("ILLEGAL_TRANSITION");
    h.complete("CosignStandingChange", Map.of(ExportProcess.DECISION, "COSIGN"));
    assertThat(h.ledger)
        .containsExactly("RecordStandingProposal:PROPOSE", "RecordCosignedChange:CHANGE");
    assertThat(h.ended()).isTrue();
  }

  @Test
  void aLateCoSignatureIsEscalatedAndStillAwaited() {
    start("BANNED");
    h.fireTimer("CosignatureOverdue");
    assertThat(h.escalations).containsExactly("CosignStandingChangeEscalation");
    assertThat(h.task("CosignStandingChange")).isNotNull();
  }

  @Test
  void aLateRevisionIsEscalatedToEctaSupervisorsAndStillAwaited() {
    h.refuseOnce.add("RecordSuspension");
    start("SUSPENDED");
    h.fireTimer("RevisionOverdue");
    assertThat(h.escalations).containsExactly("ReviseStandingChangeEscalation");
    assertThat(h.task("ReviseStandingChange")).isNotNull();
  }
}
