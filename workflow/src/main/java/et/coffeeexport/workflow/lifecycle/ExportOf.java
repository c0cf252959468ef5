package et.coffeeexport.workflow.lifecycle;

import et.coffeeexport.workflow.submission.Filings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Which export a process works on and who filed it, from what nobody working a task can change: the
 * business key the process was started with (passed to every called review) and the filing the
 * submission API recorded. Process variables such as {@code exportId} are for display only.
 */
@Component
class ExportOf {
  private final Filings filings;

  ExportOf(Filings filings) {
    this.filings = filings;
  }

  /** The export of this process: its business key. */
  String id(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      throw new IllegalStateException(
          "process " + execution.getProcessInstanceId() + " has no business key: no export");
    }
    return key;
  }

  /** The username of the exporter who filed this process's export. */
  String filer(DelegateExecution execution) {
    String exportId = id(execution);
    return filings
        .filerOf(exportId)
        .orElseThrow(() -> new IllegalStateException("no filing recorded for " + exportId));
  }
}
