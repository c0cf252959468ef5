package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.bpmn.ExportProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The dates the process's timers wait for, taken from what the ledger recorded (the contract's
 * signature, the shipment and repatriation due dates the chaincode derived from its rule set). They
 * are set on the export's main process, where the timers are.
 */
@Component
class DeadlineTimers {
  private final int warningDays;

  DeadlineTimers(@Value("${coffee-export.lifecycle.shipment-warning-days:10}") int warningDays) {
    this.warningDays = warningDays;
  }

  void contractReport(DelegateExecution execution, Instant due) {
    root(execution).setVariable(ExportProcess.CONTRACT_REPORT_DUE, due.toString());
  }

  void shipment(DelegateExecution execution, LocalDate due) {
    root(execution).setVariable(ExportProcess.SHIPMENT_DUE, midnight(due));
    root(execution)
        .setVariable(ExportProcess.SHIPMENT_WARNING_AT, midnight(due.minusDays(warningDays)));
  }

  void repatriation(DelegateExecution execution, LocalDate due) {
    root(execution).setVariable(ExportProcess.REPATRIATION_DUE, midnight(due));
  }

  private static String midnight(LocalDate date) {
    return date.atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }

  /** The export's main process instance, also from inside a stage review it called. */
  private static DelegateExecution root(DelegateExecution execution) {
    DelegateExecution e = execution.getProcessInstance();
    while (e.getSuperExecution() != null) {
      e = e.getSuperExecution().getProcessInstance();
    }
    return e;
  }
}
