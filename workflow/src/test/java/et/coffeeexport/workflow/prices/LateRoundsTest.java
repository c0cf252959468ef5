package et.coffeeexport.workflow.prices;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.workflow.lifecycle.InMemoryWorkflow;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A day's round still waiting for its prices after the cut-off is an incident analysts see on the
 * round, raised once, with what it waits for; before the cut-off, or for a later day, it is not;
 * once the prices are co-signed it is gone.
 */
class LateRoundsTest {
  private final RuntimeService runtime = InMemoryWorkflow.ENGINE.getRuntimeService();
  private final LateRounds watch =
      new LateRounds(runtime, InMemoryWorkflow.ENGINE.getTaskService(), LocalTime.of(9, 0));

  @BeforeEach
  void ledger() {
    InMemoryWorkflow.fakeLedger();
  }

  @Test
  void aRoundNotCoSignedByTheCutOffIsAnIncidentUntilItIs() {
    String round =
        runtime
            .startProcessInstanceByKey(
                ExportProcess.PRICE_FLOORS, Map.of(ExportProcess.EFFECTIVE_DATE, "2026-12-02"))
            .getId();
    assertThat(watch.check(Instant.parse("2026-12-02T08:59:00Z")))
        .as("before the cut-off")
        .isZero();
    assertThat(watch.check(Instant.parse("2026-12-01T12:00:00Z"))).as("the day before").isZero();
    assertThat(watch.check(Instant.parse("2026-12-02T09:00:00Z"))).isEqualTo(1);
    assertThat(watch.check(Instant.parse("2026-12-02T09:05:00Z"))).as("raised once").isZero();
    var incident =
        runtime.createIncidentQuery().processInstanceId(round).incidentType(LateRounds.INCIDENT);
    assertThat(incident.singleResult().getIncidentMessage())
        .contains("2026-12-02")
        .contains("Propose the minimum export prices");

    InMemoryWorkflow.completeAs(
        "ecta.officer",
        InMemoryWorkflow.task(round, "ProposePriceFloors"),
        Map.of(
            ExportProcess.FLOORS_JSON,
            "[{\"grade\":\"G2\",\"origin\":\"SIDAMO\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.1}]"));
    InMemoryWorkflow.runStep(round);
    watch.check(Instant.parse("2026-12-02T09:10:00Z"));
    assertThat(incident.count()).as("moved on: resolved, raised again at the co-signature").isOne();
    assertThat(incident.singleResult().getActivityId()).isEqualTo("CosignPriceFloors");
    InMemoryWorkflow.completeAs(
        "national-bank.supervisor",
        InMemoryWorkflow.task(round, "CosignPriceFloors"),
        Map.of(ExportProcess.DECISION, "COSIGN"));
    InMemoryWorkflow.runStep(round);
    watch.check(Instant.parse("2026-12-02T09:20:00Z"));
    assertThat(incident.count()).as("in force: no incident").isZero();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(round).count()).isZero();
  }
}
