package et.coffeeexport.workflow.convergence;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.LedgerRefusal;
import et.coffeeexport.connectors.fabric.LedgerUnavailable;
import et.coffeeexport.connectors.fabric.OrganisationProfile;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.connectors.readmodel.ReadModel;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.workflow.lifecycle.LedgerActors;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finds export processes the ledger moved on without, and repairs what it safely can.
 *
 * <ul>
 *   <li>A ledger step whose job failed (retrying, or an incident) although the ledger already shows
 *       its decision (the trail holds its step key): the engine lost the step's transaction after
 *       the ledger committed it. Repaired: the job is retried once more, and its step is answered
 *       with the export instead of a refusal.
 *   <li>An export the ledger finished (completed, cancelled, rejected) whose process still runs:
 *       reported, for an operator to look at in Cockpit; nothing is guessed.
 * </ul>
 *
 * Runs every minute; the figure {@code coffee_export_diverged_processes} is what the last run found
 * that it could not repair.
 */
@Component
public class LedgerConvergence {
  private static final Logger log = LoggerFactory.getLogger(LedgerConvergence.class);
  private static final int PAGE = 500;
  private static final List<ExportStatus> FINISHED =
      List.of(ExportStatus.COMPLETED, ExportStatus.CANCELLED, ExportStatus.REJECTED);

  private final ManagementService management;
  private final RuntimeService runtime;
  private final CoffeeExportChaincode ledger;
  private final ReadModel readModel;
  private final Path connections;
  private final String readerOrg;
  private final AtomicInteger diverged = new AtomicInteger();

  /** Failures already retried once (job, exception, due date); bounded by the incidents. */
  private final java.util.Set<String> retried = java.util.concurrent.ConcurrentHashMap.newKeySet();

  LedgerConvergence(
      ManagementService management,
      RuntimeService runtime,
      CoffeeExportChaincode ledger,
      ReadModel readModel,
      MeterRegistry meters,
      @Value("${coffee-export.connectors.connections}") Path connections,
      @Value("${coffee-export.connectors.listener-org}") String readerOrg) {
    this.management = management;
    this.runtime = runtime;
    this.ledger = ledger;
    this.readModel = readModel;
    this.connections = connections;
    this.readerOrg = readerOrg;
    meters.gauge("coffee_export_diverged_processes", diverged);
  }

  /** What one run found. */
  public record Finding(String exportId, String processInstanceId, String what, boolean repaired) {}

  @Scheduled(
      fixedDelayString = "${coffee-export.convergence.interval:PT1M}",
      initialDelayString = "${coffee-export.convergence.interval:PT1M}")
  void scheduled() {
    try {
      run();
    } catch (LedgerUnavailable e) {
      log.warn("convergence check postponed: {}", e.getMessage());
    }
  }

  /** Checks every export process now; repairs what the ledger proves. */
  public List<Finding> run() {
    List<Finding> findings = new ArrayList<>();
    Signatory reader = reader();
    // Incidents only: a job with retries left is still the engine's to retry.
    var failed = management.createJobQuery().noRetriesLeft();
    for (int first = 0; ; first += PAGE) {
      List<Job> page = failed.listPage(first, PAGE);
      for (Job job : page) {
        try {
          repair(job, reader).ifPresent(findings::add);
        } catch (RuntimeException e) {
          // One job's trouble (gone meanwhile, locked, the ledger away) stops no other check.
          log.warn("convergence check of job {} failed: {}", job.getId(), e.toString());
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    // Page through the running export processes: their number is the work in progress.
    var query =
        runtime.createProcessInstanceQuery().processDefinitionKey(ExportProcess.KEY).active();
    for (int first = 0; ; first += PAGE) {
      var page = query.listPage(first, PAGE);
      for (var pi : page) {
        readModel
            .export(pi.getBusinessKey())
            .filter(view -> FINISHED.stream().anyMatch(f -> f.name().equals(view.status())))
            .ifPresent(
                view ->
                    findings.add(
                        new Finding(
                            view.exportId(),
                            pi.getId(),
                            "the ledger shows it " + view.status() + " but its process still runs",
                            false)));
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    // Forget the failures of jobs that are gone (done, or deleted with their process).
    retried.removeIf(
        f -> management.createJobQuery().jobId(f.substring(0, f.indexOf('@'))).count() == 0);
    diverged.set((int) findings.stream().filter(f -> !f.repaired()).count());
    findings.forEach(f -> log.warn("convergence: {}", f));
    return findings;
  }

  /**
   * Retries a failed ledger step whose decision the ledger shows (its key, marked for that very
   * step, is in the export's trail); once per failure, so a step that keeps failing after its
   * ledger write stays an incident for an operator.
   */
  private java.util.Optional<Finding> repair(Job job, Signatory reader) {
    if (job.getExecutionId() == null || job.getJobDefinitionId() == null) {
      return java.util.Optional.empty();
    }
    // The step the job is for: a failure at commit names no failed activity.
    var definition =
        management
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    if (definition == null) {
      return java.util.Optional.empty();
    }
    String step = definition.getActivityId();
    Object key = runtime.getVariable(job.getExecutionId(), LedgerActors.stepKey(step));
    String exportId = exportIdOf(job);
    if (key == null || exportId == null) {
      return java.util.Optional.empty();
    }
    String failure = job.getId() + "@" + job.getExceptionMessage() + "@" + job.getDuedate();
    if (!retried.add(failure)) {
      return java.util.Optional.of(
          new Finding(
              exportId,
              job.getProcessInstanceId(),
              step + " failed again after the ledger recorded it; left to an operator",
              false));
    }
    boolean onLedger;
    try {
      onLedger =
          ledger.readHistory(reader, exportId).decisions().stream()
              .anyMatch(d -> key.toString().equals(d.step()));
    } catch (LedgerRefusal e) {
      return java.util.Optional.empty();
    }
    if (!onLedger) {
      retried.remove(failure);
      return java.util.Optional.empty();
    }
    management.setJobRetries(job.getId(), 1);
    return java.util.Optional.of(
        new Finding(
            exportId,
            job.getProcessInstanceId(),
            "the ledger shows the decision of " + step + "; retried",
            true));
  }

  /** The export of the job's process: its business key, never a variable. */
  private String exportIdOf(Job job) {
    if (job.getProcessInstanceId() == null) {
      return null;
    }
    var instance =
        runtime
            .createProcessInstanceQuery()
            .processInstanceId(job.getProcessInstanceId())
            .singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** The platform's own identity in the organisation whose peers the read model follows. */
  private Signatory reader() {
    return Signatory.of(OrganisationProfile.load(connections, readerOrg).credentials("platform"));
  }
}
