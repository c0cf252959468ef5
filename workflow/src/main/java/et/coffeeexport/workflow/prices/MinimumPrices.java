package et.coffeeexport.workflow.prices;

import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.fabric.CoffeeExportChaincode;
import et.coffeeexport.connectors.fabric.Signatory;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.domain.RefusalCode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The minimum export price an approval applies: the ledger's co-signed entry in force on the
 * contract's date, as the chaincode's own check picks it. When there is none, the approval cannot
 * be decided yet: the refusal says what it waits for (a proposal National Bank has still to
 * co-sign, or none at all), so the officer and the analysts see why the export waits.
 */
@Component
public class MinimumPrices {
  private final CoffeeExportChaincode ledger;

  MinimumPrices(CoffeeExportChaincode ledger) {
    this.ledger = ledger;
  }

  /**
   * The floor in force for the grade, origin and process on {@code day}, read as {@code reader}.
   *
   * @throws MinimumPriceMissing when no co-signed entry is in force that day
   */
  public PriceFloor inForce(
      Signatory reader, String grade, String origin, String process, LocalDate day) {
    List<PriceFloor> entries = ledger.listPriceFloors(reader, grade, origin, process);
    return PriceFloor.inForce(entries, day)
        .orElseThrow(() -> new MinimumPriceMissing(missing(entries, grade, origin, process, day)));
  }

  static String missing(
      List<PriceFloor> entries, String grade, String origin, String process, LocalDate day) {
    String what = grade + "/" + origin + "/" + process + " on " + day;
    var awaiting =
        entries.stream()
            .filter(e -> !e.cosigned())
            .filter(e -> !LocalDate.parse(e.effectiveDate()).isAfter(day))
            .max(Comparator.comparing(e -> LocalDate.parse(e.effectiveDate())));
    return RefusalCode.PRECONDITION_FAILED
        + ": no co-signed minimum export price for "
        + what
        + awaiting
            .map(
                e ->
                    ": ECTA's proposal "
                        + e.id()
                        + " awaits National Bank's co-signature ("
                        + ExportProcess.PRICE_FLOORS
                        + ")")
            .orElse(": ECTA has proposed none (" + ExportProcess.PRICE_FLOORS + ")")
        + "; decide again once it is in force";
  }

  /** No co-signed minimum price is in force: the decision must wait for one. */
  public static final class MinimumPriceMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MinimumPriceMissing(String reason) {
      super(reason);
    }
  }
}
