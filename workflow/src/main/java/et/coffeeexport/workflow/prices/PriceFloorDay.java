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
 * later day the platform's administrator named when starting it. Never a past day: a floor set
 * after the fact would re-price contracts already decided.
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
    LocalDate day;
    try {
      day = LocalDate.parse(requested.toString());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          ExportProcess.EFFECTIVE_DATE + " must be an ISO-8601 date, not " + requested);
    }
    if (day.isBefore(today)) {
      throw new IllegalArgumentException(
          ExportProcess.EFFECTIVE_DATE + " " + day + " has passed: prices apply from today on");
    }
    return day;
  }
}
