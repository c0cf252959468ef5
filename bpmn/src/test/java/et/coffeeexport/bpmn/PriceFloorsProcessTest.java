package et.coffeeexport.bpmn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.Test;

/** Every path of the daily minimum prices on the in-memory engine, with a fake ledger. */
class PriceFloorsProcessTest {
  private static final ProcessEngine ENGINE = ProcessHarness.ENGINE;
  private static final String FLOORS =
      "[{\"grade\":\"G2\",\"origin\":\"SIDAMA\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.1}]";

  private final AdministrationHarness h = new AdministrationHarness();
  private final List<String> ledger = new ArrayList<>();
  private final List<String> escalations = h.escalations;
  private final Set<String> refuseOnce = new HashSet<>();

  PriceFloorsProcessTest() {
    Mocks.register(
        "priceFloorDay",
        (JavaDelegate) e -> e.setVariable(ExportProcess.EFFECTIVE_DATE, "2026-12-02"));
    Mocks.register(
        "priceFloorStep",
        (JavaDelegate)
            e -> {
              String action = e.getCurrentActivityId();
              if (refuseOnce.remove(action)) {
                throw new BpmnError(
                    ExportProcess.LEDGER_REFUSED, "INVALID_ARGUMENT: refused by the fake ledger");
              }
              ledger.add(action);
            });
  }

  @Test
  void anEctaProposalCoSignedByNationalBankPutsThePricesInForce() {
    start();
    Task propose = task("ProposePriceFloors");
    assertThat(propose.getName()).isEqualTo("Propose the minimum export prices for 2026-12-02");
    assertThat(candidates(propose)).containsExactly("ecta");
    complete(propose, Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    Task cosign = task("CosignPriceFloors");
    assertThat(cosign.getName()).isEqualTo("Co-sign the minimum export prices for 2026-12-02");
    assertThat(candidates(cosign)).containsExactly("national-bank-supervisors");
    complete(cosign, Map.of(ExportProcess.DECISION, "COSIGN"));

    assertThat(ledger).containsExactly("RecordProposal", "RecordCosignature");
    assertThat(ended()).isTrue();
    assertThat(passed("PricesInForce")).isTrue();
  }

  @Test
  void nationalBankMaySendTheProposalBackWithReasons() {
    start();
    complete(task("ProposePriceFloors"), Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    complete(
        task("CosignPriceFloors"),
        Map.of(ExportProcess.DECISION, "SEND_BACK", "reasons", "G2 washed is too low"));

    assertThat(ledger).containsExactly("RecordProposal");
    Task again = task("ProposePriceFloors");
    assertThat(ENGINE.getTaskService().getVariable(again.getId(), "reasons"))
        .isEqualTo("G2 washed is too low");
    complete(again, Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    complete(task("CosignPriceFloors"), Map.of(ExportProcess.DECISION, "COSIGN"));
    assertThat(ledger).containsExactly("RecordProposal", "RecordProposal", "RecordCosignature");
    assertThat(ended()).isTrue();
  }

  @Test
  void aRefusedProposalGoesBackToTheOfficerWithTheReason() {
    start();
    refuseOnce.add("RecordProposal");
    complete(task("ProposePriceFloors"), Map.of(ExportProcess.FLOORS_JSON, FLOORS));

    Task again = task("ProposePriceFloors");
    assertThat((String) ENGINE.getTaskService().getVariable(again.getId(), "ledgerRefusal"))
        .startsWith("INVALID_ARGUMENT");
    assertThat(ledger).isEmpty();
    complete(again, Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    assertThat(task("CosignPriceFloors")).isNotNull();
  }

  @Test
  void aRefusedCoSignatureGoesBackToTheSupervisor() {
    start();
    complete(task("ProposePriceFloors"), Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    refuseOnce.add("RecordCosignature");
    complete(task("CosignPriceFloors"), Map.of(ExportProcess.DECISION, "COSIGN"));

    assertThat(ledger).containsExactly("RecordProposal");
    complete(task("CosignPriceFloors"), Map.of(ExportProcess.DECISION, "COSIGN"));
    assertThat(ledger).containsExactly("RecordProposal", "RecordCosignature");
    assertThat(ended()).isTrue();
  }

  @Test
  void aLateProposalIsEscalatedToEctaSupervisorsAndStillAwaited() {
    start();
    fireTimer("ProposalOverdue");
    assertThat(escalations).containsExactly("ProposePriceFloorsEscalation");
    assertThat(task("ProposePriceFloors")).isNotNull();
  }

  @Test
  void aLateCoSignatureIsEscalatedAndStillAwaited() {
    start();
    complete(task("ProposePriceFloors"), Map.of(ExportProcess.FLOORS_JSON, FLOORS));
    fireTimer("CosignatureOverdue");
    assertThat(escalations).containsExactly("CosignPriceFloorsEscalation");
    assertThat(task("CosignPriceFloors")).isNotNull();
  }

  @Test
  void everyMorningAtFiveUtcTheDaysRoundStarts() {
    var timer =
        ENGINE
            .getManagementService()
            .createJobQuery()
            .timers()
            .processDefinitionKey(ExportProcess.PRICE_FLOORS)
            .activityId("EveryMorning")
            .singleResult();
    assertThat(timer).as("the start timer is scheduled").isNotNull();
    var due = timer.getDuedate().toInstant();
    assertThat(due.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(java.time.LocalTime.of(5, 0));
    assertThat(due)
        .as("the next morning, not one long past")
        .isAfter(java.time.Instant.now().minus(java.time.Duration.ofDays(1)))
        .isBefore(java.time.Instant.now().plus(java.time.Duration.ofDays(1)));

    long before = instances();
    ENGINE.getManagementService().executeJob(timer.getId());
    assertThat(instances()).isEqualTo(before + 1);
  }

  private void start() {
    h.start(ExportProcess.PRICE_FLOORS, null, java.util.Map.of());
  }

  private long instances() {
    return ENGINE
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(ExportProcess.PRICE_FLOORS)
        .count();
  }

  private Task task(String key) {
    return h.task(key);
  }

  private List<String> candidates(Task task) {
    return h.candidates(task);
  }

  private void complete(Task task, Map<String, Object> variables) {
    ENGINE.getTaskService().complete(task.getId(), variables);
    h.settle();
  }

  private void fireTimer(String activityId) {
    h.fireTimer(activityId);
  }

  private boolean ended() {
    return h.ended();
  }

  private boolean passed(String activityId) {
    return h.passed(activityId);
  }
}
