package et.coffeeexport.bpmn;

import static et.coffeeexport.bpmn.ExportProcess.Decision.APPROVE;
import static et.coffeeexport.bpmn.ExportProcess.Decision.REJECT;
import static et.coffeeexport.bpmn.ExportProcess.Decision.RETURN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every path of the export lifecycle on the in-memory engine, with fake ledger delegates. */
class ExportLifecycleProcessTest {
  private static final List<String> STAGES =
      List.of("Bank", "Ecta", "Ecx", "NationalBank", "Customs");
  private final ProcessHarness p = new ProcessHarness();

  @Test
  void happyPathFromFilingToCompletionWritesEachStepOnce() {
    p.start(150_000);
    reviewsUpTo(5);
    p.complete("BookShipment").complete("Ship");
    p.correlate(ExportProcess.TRACKING_MILESTONE).correlate(ExportProcess.EXPORT_ARRIVED);
    p.complete("RecordRepatriation");

    assertThat(p.ended()).isTrue();
    assertThat(p.passed("ExportCompleted")).isTrue();
    assertThat(p.ledger)
        .containsExactly(
            "SUBMIT",
            "VERIFY_AT_BANK",
            "APPROVE_COMPLIANCE",
            "CERTIFY_QUALITY",
            "APPROVE_FOREIGN_EXCHANGE",
            "CLEAR_CUSTOMS",
            "BOOK_SHIPMENT",
            "SHIP",
            "RECORD_TRACKING_MILESTONE",
            "CONFIRM_ARRIVAL",
            "RECORD_REPATRIATION");
  }

  @Test
  void proceedsMayArriveBeforeTheGoods() {
    p.start(150_000);
    reviewsUpTo(5);
    p.complete("BookShipment").complete("Ship").complete("RecordRepatriation");
    assertThat(p.ended()).isTrue();
    assertThat(p.ledger).endsWith("SHIP", "RECORD_REPATRIATION");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void eachReviewingStageCanReturnTheExportAndItReEntersThatStage(int stage) {
    p.start(150_000);
    reviewsUpTo(stage);
    p.review(RETURN);
    var amend = p.task("AmendFor" + STAGES.get(stage));
    assertThat(amend.getAssignee()).isEqualTo("exporter");
    p.complete("AmendFor" + STAGES.get(stage));
    assertThat(p.ledger).endsWith("RETURN_FOR_AMENDMENT", "AMEND");
    assertThat(p.task("Review")).isNotNull();
    p.review(APPROVE);
    assertThat(p.ledger.get(p.ledger.size() - 1)).isNotEqualTo("AMEND");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void eachReviewingStageCanRejectTheExportForGood(int stage) {
    p.start(150_000);
    reviewsUpTo(stage);
    p.review(REJECT);
    assertThat(p.ended()).isTrue();
    assertThat(p.passed("RejectedAt" + STAGES.get(stage))).isTrue();
    assertThat(p.ledger).endsWith("REJECT");
  }

  @Test
  void aCancellationEndsTheExportWhereverItWaits() {
    p.start(150_000);
    reviewsUpTo(2);
    p.correlate(ExportProcess.CANCEL_EXPORT);
    assertThat(p.ended()).isTrue();
    assertThat(p.passed("ExportCancelled")).isTrue();
    assertThat(p.ledger).endsWith("CANCEL");
    assertThat(p.openTasks()).isEmpty();
  }

  @Test
  void aboveTheThresholdASupervisorCoApprovesTheForeignExchange() {
    p.start(2_500_000);
    reviewsUpTo(4);
    var coApproval = p.task("CoApproveForeignExchange");
    assertThat(
            ProcessHarness.ENGINE
                .getTaskService()
                .getIdentityLinksForTask(coApproval.getId())
                .stream()
                .map(l -> l.getGroupId())
                .toList())
        .containsExactly("national-bank-supervisors");
    p.complete("CoApproveForeignExchange");
    assertThat(p.ledger).endsWith("APPROVE_FOREIGN_EXCHANGE", "APPROVE_FOREIGN_EXCHANGE");
    assertThat(p.task("Review")).as("customs review").isNotNull();
  }

  @Test
  void withinTheThresholdThereIsNoCoApproval() {
    p.start(900_000);
    reviewsUpTo(4);
    assertThat(p.openTasks()).extracting(t -> t.getTaskDefinitionKey()).containsExactly("Review");
  }

  @Test
  void aDecisionTheLedgerRefusesGoesBackToTheOfficerWithTheReason() {
    p.start(150_000);
    p.refuseOnce.add("VERIFY_AT_BANK");
    p.review(APPROVE);
    var again = p.task("Review");
    assertThat(
            ProcessHarness.ENGINE
                .getTaskService()
                .getVariable(again.getId(), ExportProcess.LEDGER_REFUSAL))
        .asString()
        .contains("ILLEGAL_TRANSITION");
    p.review(APPROVE);
    assertThat(p.ledger).containsExactly("SUBMIT", "VERIFY_AT_BANK");
  }

  @Test
  void anOverdueReviewEscalatesToSupervisorsAndStaysOpen() {
    p.start(150_000);
    p.fireTimer("ReviewOverdue");
    assertThat(p.escalations).containsExactly("EscalateToSupervisors");
    assertThat(p.task("Review")).isNotNull();
  }

  @Test
  void aLateContractReportGivesEctaAFollowUpTask() {
    p.start(150_000);
    p.fireTimer("ContractReportDue");
    var followUp = p.task("FollowUpLateContractReport");
    assertThat(
            ProcessHarness.ENGINE
                .getTaskService()
                .getIdentityLinksForTask(followUp.getId())
                .stream()
                .map(l -> l.getGroupId())
                .toList())
        .containsExactly("ecta");
    assertThat(p.task("Review")).as("the bank review goes on").isNotNull();
  }

  @Test
  void theShipmentDeadlineWarnsThenEscalatesToEcta() {
    p.start(150_000);
    reviewsUpTo(2);
    p.fireTimer("ShipmentDeadlineNear");
    assertThat(p.ledger).endsWith("WARNED");
    p.fireTimer("ShipmentDeadlinePassed");
    assertThat(p.task("DecideOnOverdueShipment")).isNotNull();
    assertThat(p.task("Review")).as("the ECX review goes on").isNotNull();
  }

  @Test
  void ectaExtendsAnOverdueShipmentAndTheNewDeadlineIsWatchedAgain() {
    p.start(150_000);
    reviewsUpTo(5);
    p.fireTimer("ShipmentDeadlinePassed");
    String newDate = java.time.LocalDate.now().plusDays(40).toString();
    p.complete(
        "DecideOnOverdueShipment",
        Map.of("decision", "EXTEND", "newShipmentDate", newDate, "reasons", "vessel delayed"));

    assertThat(p.ledger).endsWith("CLEAR_CUSTOMS", "EXTEND_SHIPMENT_DEADLINE");
    Instant due = java.time.LocalDate.parse(newDate).atStartOfDay(ZoneOffset.UTC).toInstant();
    assertThat(p.timersDue("ShipmentDeadlinePassed")).containsExactly(due);
    assertThat(p.timersDue("ShipmentDeadlineNear")).containsExactly(due.minus(Duration.ofDays(10)));
    assertThat(p.openTasks())
        .extracting(t -> t.getTaskDefinitionKey())
        .containsExactly("BookShipment");

    // The new deadline passes too: ECTA decides again.
    p.fireTimer("ShipmentDeadlinePassed");
    assertThat(p.task("DecideOnOverdueShipment")).isNotNull();
    p.complete("BookShipment").complete("Ship");
    assertThat(p.openTasks())
        .as("shipping ends the deadline watch and its open decision")
        .extracting(t -> t.getTaskDefinitionKey())
        .containsExactly("RecordRepatriation");
    p.complete("RecordRepatriation");
    assertThat(p.ended()).isTrue();
    assertThat(p.passed("ExportCompleted")).isTrue();
  }

  @Test
  void ectaCancelsAnOverdueShipmentAndTheExportEndsCancelled() {
    p.start(150_000);
    reviewsUpTo(5);
    p.complete("BookShipment");
    p.fireTimer("ShipmentDeadlinePassed");
    p.complete(
        "DecideOnOverdueShipment", Map.of("decision", "CANCEL", "reasons", "no vessel in sight"));

    assertThat(p.ledger).endsWith("BOOK_SHIPMENT", "CANCEL");
    assertThat(p.ended()).isTrue();
    assertThat(p.passed("CancelledForOverdueShipment")).isTrue();
    assertThat(p.openTasks()).isEmpty();
  }

  @Test
  void anExtensionTheLedgerRefusesGoesBackToEctaWithTheReason() {
    p.start(150_000);
    reviewsUpTo(5);
    p.fireTimer("ShipmentDeadlinePassed");
    p.refuseOnce.add("EXTEND_SHIPMENT_DEADLINE");
    p.complete(
        "DecideOnOverdueShipment",
        Map.of("decision", "EXTEND", "newShipmentDate", "2020-01-01", "reasons", "late"));
    var again = p.task("DecideOnOverdueShipment");
    assertThat(
            ProcessHarness.ENGINE
                .getTaskService()
                .getVariable(again.getId(), ExportProcess.LEDGER_REFUSAL))
        .asString()
        .contains("ILLEGAL_TRANSITION");
    assertThat(p.ledger).doesNotContain("EXTEND_SHIPMENT_DEADLINE");
    p.complete("DecideOnOverdueShipment", Map.of("decision", "CANCEL", "reasons", "late"));
    assertThat(p.ended()).isTrue();
  }

  @Test
  void aShipmentBeforeTheDeadlineEndsItsWatch() {
    p.start(150_000);
    reviewsUpTo(5);
    assertThat(p.timersDue("ShipmentDeadlinePassed")).hasSize(1);
    p.complete("BookShipment").complete("Ship");
    assertThat(p.timersDue("ShipmentDeadlinePassed")).isEmpty();
    assertThat(p.timersDue("ShipmentDeadlineNear")).isEmpty();
    assertThat(p.task("RecordRepatriation")).isNotNull();
  }

  @Test
  void unrepatriatedProceedsMakeTheExporterDelinquent() {
    p.start(150_000);
    reviewsUpTo(5);
    p.complete("BookShipment").complete("Ship");
    p.fireTimer("RepatriationDue");
    assertThat(p.ledger).endsWith("SHIP", "DELINQUENT");
    p.complete("RecordRepatriation");
    assertThat(p.ended()).isTrue();
  }

  @Test
  void otherOfficerTasksEscalateToo() {
    p.start(150_000);
    reviewsUpTo(5);
    p.fireTimer("BookShipmentOverdue");
    assertThat(p.escalations).containsExactly("BookShipmentEscalation");
  }

  private void reviewsUpTo(int stages) {
    for (int i = 0; i < stages; i++) {
      p.review(APPROVE);
    }
  }
}
