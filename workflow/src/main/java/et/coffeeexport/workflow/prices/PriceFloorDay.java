package et.coffeeexport.workflow.prices;

import et.coffeeexport.bpmn.ExportProcess;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the day a round's prices take effect: today (UTC) when the morning timer started it, or the
 * day the platform's administrator named when starting it (only administrators start processes
 * through the engine's API): a later day, or an earlier one for the opening prices a new consortium
 * puts in force for contracts signed before its first day. Either way ECTA and National Bank sign
 * the day as shown in their tasks.
 */
@Component("priceFloorDay")
class PriceFloorDay implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object requested = execution.getVariable(ExportProcess.EFFECTIVE_DATE);
    execution.setVariable(
        ExportProcess.EFFECTIVE_DATE, day(requested, LocalDate.now(ZoneOffset.UTC)).toString());
  }

  static LocalDate day(Object requested, LocalDate today) {
    if (requested == null || requested.toString().isBlank()) {
      return today;
    }
    try {
      return LocalDate.parse(requested.toString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          ExportProcess.EFFECTIVE_DATE + " must be an ISO-8601 date, not " + requested);
    }
  }
}
