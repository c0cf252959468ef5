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
    for (Job job : management.createJobQuery().withException().list()) {
      Object key = stepKeyOf(job);
      String exportId = exportIdOf(job);
      if (key == null || exportId == null) {
        continue;
      }
      boolean onLedger;
      try {
        onLedger =
            ledger.readHistory(reader, exportId).decisions().stream()
                .anyMatch(d -> key.toString().equals(d.step()));
      } catch (LedgerRefusal e) {
        continue;
      }
      if (onLedger) {
        management.setJobRetries(job.getId(), 1);
        findings.add(
            new Finding(
                exportId,
                job.getProcessInstanceId(),
                "the ledger shows the decision of " + job.getFailedActivityId() + "; retried",
                true));
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
            .filter(view -> FINISHED.contains(ExportStatus.valueOf(view.status())))
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
    diverged.set((int) findings.stream().filter(f -> !f.repaired()).count());
    findings.forEach(f -> log.warn("convergence: {}", f));
    return findings;
  }

  private Object stepKeyOf(Job job) {
    if (job.getExecutionId() == null) {
      return null;
    }
    return runtime.getVariable(job.getExecutionId(), LedgerActors.STEP_KEY);
  }

  private String exportIdOf(Job job) {
    if (job.getExecutionId() == null) {
      return null;
    }
    Object id = runtime.getVariable(job.getExecutionId(), ExportProcess.EXPORT_ID);
    return id == null ? null : id.toString();
  }

  /** The platform's own identity in the organisation whose peers the read model follows. */
  private Signatory reader() {
    return Signatory.of(OrganisationProfile.load(connections, readerOrg).credentials("platform"));
  }
}
