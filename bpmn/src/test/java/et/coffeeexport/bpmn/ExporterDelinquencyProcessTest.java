package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every path of National Bank's delinquency changes: marked or cleared by one officer, a refusal
 * back to them (submitted again or withdrawn), the escalation.
 */
class ExporterDelinquencyProcessTest {
  private final AdministrationHarness h = new AdministrationHarness();

  private void start(String standing) {
    h.start(
        ExportProcess.EXPORTER_DELINQUENCY,
        "national-bank.officer",
        Map.of(
            ExportProcess.EXPORTER_ID, "EXPORTER-7",
            ExportProcess.STANDING, standing,
            ExportProcess.REPATRIATED_EXPORT_ID, "EXP-7",
            ExportProcess.REASONS, "proceeds of EXP-7 repatriated"));
  }

  @Test
  void onlyNationalBankOfficersStartIt() {
    assertThat(AdministrationHarness.starterGroups(ExportProcess.EXPORTER_DELINQUENCY))
        .containsExactly("national-bank");
  }

  @ParameterizedTest
  @ValueSource(strings = {"DELINQUENT", "ACTIVE"})
  void aNationalBankOfficerMarksOrClearsTheDelinquencyAlone(String standing) {
    start(standing);
    assertThat(h.businessKey()).isEqualTo("EXPORTER-7");
    assertThat(h.ledger).containsExactly("RecordDelinquencyChange:CHANGE");
    assertThat(h.endEvents()).containsExactly("DelinquencyChanged");
  }

  @Test
  void aRefusedClearanceGoesBackToTheOfficerWhoNamesTheEvidenceAgain() {
    h.refuseOnce.add("RecordDelinquencyChange");
    start("ACTIVE");
    var revise = h.task("ReviseDelinquencyChange");
    assertThat(revise.getAssignee()).isEqualTo("national-bank.officer");
    assertThat(h.candidates(revise)).containsExactly("national-bank");
    assertThat(revise.getDescription()).contains("Refused by the ledger: ILLEGAL_TRANSITION");
    h.complete(
        "ReviseDelinquencyChange",
        Map.of(
            ExportProcess.DECISION, "RESUBMIT",
            ExportProcess.REPATRIATED_EXPORT_ID, "EXP-8",
            ExportProcess.REASONS, "proceeds of EXP-8 repatriated"));
    assertThat(h.variable(ExportProcess.REPATRIATED_EXPORT_ID)).isEqualTo("EXP-8");
    assertThat(h.ledger).containsExactly("RecordDelinquencyChange:CHANGE");
    assertThat(h.endEvents()).containsExactly("DelinquencyChanged");
  }

  @Test
  void theOfficerMayWithdrawARefusedChange() {
    h.refuseOnce.add("RecordDelinquencyChange");
    start("DELINQUENT");
    h.complete(
        "ReviseDelinquencyChange",
        Map.of(ExportProcess.DECISION, "WITHDRAW", ExportProcess.REASONS, "already marked"));
    assertThat(h.ledger).isEmpty();
    assertThat(h.endEvents()).containsExactly("DelinquencyChangeWithdrawn");
  }

  @Test
  void aLateRevisionIsEscalatedAndStillAwaited() {
    h.refuseOnce.add("RecordDelinquencyChange");
    start("ACTIVE");
    h.fireTimer("RevisionOverdue");
    assertThat(h.escalations).containsExactly("ReviseDelinquencyChangeEscalation");
    assertThat(h.task("ReviseDelinquencyChange")).isNotNull();
  }
}
