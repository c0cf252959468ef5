package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every path of a cancellation for cause: cancelled by the officer who started it; refused (after
 * shipment) back to them, who withdraw it or cancel again; the escalation.
 */
class CancellationForCauseProcessTest {
  private final AdministrationHarness h = new AdministrationHarness();

  private void start(String officer) {
    h.start(
        ExportProcess.CANCELLATION_FOR_CAUSE,
        officer,
        Map.of(
            ExportProcess.EXPORT_ID, "EXP-42",
            ExportProcess.REASONS, "forged phytosanitary certificate"));
  }

  @Test
  void officersOfEctaAndNationalBankStartIt() {
    assertThat(AdministrationHarness.starterGroups(ExportProcess.CANCELLATION_FOR_CAUSE))
        .containsExactly("ecta", "national-bank");
  }

  @Test
  void theOfficerWhoStartedItCancelsTheExport() {
    start("ecta.officer");
    assertThat(h.businessKey()).as("the export is the business key").isEqualTo("EXP-42");
    assertThat(h.variable(ExportProcess.INITIATOR)).isEqualTo("ecta.officer");
    assertThat(h.ledger).containsExactly("RecordCancellationForCause:CANCEL");
    assertThat(h.endEvents()).containsExactly("ExportCancelledForCause");
  }

  @Test
  void aRefusalGoesBackToTheOfficerWithTheReasonAndMayBeWithdrawn() {
    h.refuseOnce.add("RecordCancellationForCause");
    start("national-bank.officer");
    var review = h.task("ReviewRefusedCancellation");
    assertThat(review.getAssignee()).isEqualTo("national-bank.officer");
    assertThat(review.getName()).isEqualTo("Cancellation of EXP-42 refused");
    assertThat(review.getDescription())
        .isEqualTo("Refused by the ledger: ILLEGAL_TRANSITION: refused by the fake ledger");
    h.complete(
        "ReviewRefusedCancellation",
        Map.of(ExportProcess.DECISION, "WITHDRAW", ExportProcess.REASONS, "shipped already"));
    assertThat(h.ledger).isEmpty();
    assertThat(h.endEvents()).containsExactly("CancellationWithdrawn");
  }

  @Test
  void theOfficerMayCancelAgainAfterARefusal() {
    h.refuseOnce.add("RecordCancellationForCause");
    start("ecta.officer");
    h.complete(
        "ReviewRefusedCancellation",
        Map.of(ExportProcess.DECISION, "RESUBMIT", ExportProcess.REASONS, "forged certificate"));
    assertThat(h.ledger).containsExactly("RecordCancellationForCause:CANCEL");
    assertThat(h.endEvents()).containsExactly("ExportCancelledForCause");
  }

  @Test
  void aLateReviewIsEscalatedAndStillAwaited() {
    h.refuseOnce.add("RecordCancellationForCause");
    start("ecta.officer");
    h.fireTimer("ReviewOverdue");
    assertThat(h.escalations).containsExactly("ReviewRefusedCancellationEscalation");
    assertThat(h.task("ReviewRefusedCancellation")).isNotNull();
  }
}
