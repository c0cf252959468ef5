package et.coffeeexport.workflow.prices;

import et.coffeeexport.bpmn.ExportProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A day's minimum prices still not in force by the cut-off (09:00 UTC unless configured) are an
 * incident on that day's round, which analysts see in Cockpit next to the task it waits at. The
 * floors in force before stay in force, and an ECTA approval that needs a floor nobody co-signed
 * returns to its officer saying what it waits for ({@link MinimumPrices}); the incident is there so
 * the late round is noticed before exports pile up behind it. It is resolved once the round has
 * moved on, and goes with the round when the prices are co-signed.
 */
@Component
class LateRounds {
  static final String INCIDENT = "priceFloorsNotInForce";
  private static final Logger LOG = LoggerFactory.getLogger(LateRounds.class);
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final LocalTime cutoff;

  @org.springframework.beans.factory.annotation.Autowired
  LateRounds(
      RuntimeService runtime,
      TaskService tasks,
      @Value("${coffee.prices.cutoff:09:00}") String cutoff) {
    this(runtime, tasks, LocalTime.parse(cutoff));
  }

  LateRounds(RuntimeService runtime, TaskService tasks, LocalTime cutoff) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.cutoff = cutoff;
  }

  @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
  void watch() {
    check(Instant.now());
  }

  /** Raises the incident of every round late at {@code now}; answers how many it raised. */
  int check(Instant now) {
    resolveMovedOn();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    boolean pastCutoff = !LocalTime.ofInstant(now, ZoneOffset.UTC).isBefore(cutoff);
    int raised = 0;
    for (Task task :
        tasks.createTaskQuery().processDefinitionKey(ExportProcess.PRICE_FLOORS).list()) {
      Object day = runtime.getVariable(task.getExecutionId(), ExportProcess.EFFECTIVE_DATE);
      if (day == null) {
        continue;
      }
      LocalDate effective = LocalDate.parse(day.toString());
      boolean late = effective.isBefore(today) || (effective.equals(today) && pastCutoff);
      if (!late || raisedOn(task.getExecutionId())) {
        continue;
      }
      runtime.createIncident(
          INCIDENT,
          task.getExecutionId(),
          effective.toString(),
          "the minimum export prices for "
              + effective
              + " are not in force: the round waits at \""
              + task.getName()
              + "\"; the floors in force before still apply, and an ECTA approval that needs a"
              + " floor nobody co-signed waits with that reason");
      LOG.warn("price round for {} late: incident raised at {}", effective, task.getName());
      raised++;
    }
    return raised;
  }

  private boolean raisedOn(String executionId) {
    return runtime.createIncidentQuery().executionId(executionId).incidentType(INCIDENT).count()
        > 0;
  }

  /** A round that moved past the task its incident was raised at is no longer late there. */
  private void resolveMovedOn() {
    for (Incident incident : runtime.createIncidentQuery().incidentType(INCIDENT).list()) {
      boolean stillWaiting =
          tasks
                  .createTaskQuery()
                  .executionId(incident.getExecutionId())
                  .taskDefinitionKey(incident.getActivityId())
                  .count()
              > 0;
      if (!stillWaiting) {
        runtime.resolveIncident(incident.getId());
      }
    }
  }
}
