package et.coffeeexport.chaincode.export;

import et.coffeeexport.chaincode.support.ContractError;
import et.coffeeexport.domain.ExportRequest;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportTerms;
import et.coffeeexport.domain.PriceFloor;
import et.coffeeexport.domain.RefusalCode;
import java.time.LocalDate;

/** The minimum export price check, against the co-signed floor in force on the contract date. */
final class PriceCheck {
  private final Transitions t;

  PriceCheck(Transitions t) {
    this.t = t;
  }

  /**
   * Fails unless the contract price is at or above the floor for {@code grade}; returns the floor
   * applied.
   */
  String requireAtOrAboveFloor(ExportSnapshot export, String grade) {
    ExportRequest request = export.request();
    ExportTerms terms = new PrivateTerms(t.stub).read(export.exportId());
    LocalDate day = LocalDate.parse(request.contractDate());
    PriceFloor floor =
        PriceFloor.inForce(t.store.floors(grade, request.origin(), request.process()), day)
            .orElseThrow(
                () ->
                    ContractError.of(
                        RefusalCode.PRECONDITION_FAILED,
                        "no co-signed minimum price for "
                            + grade
                            + "/"
                            + request.origin()
                            + "/"
                            + request.process()
                            + " on "
                            + day));
    if (!floor.admits(terms.pricePerLbUsd())) {
      throw ContractError.of(
          RefusalCode.PRICE_BELOW_MINIMUM,
          "the contract price is below the minimum of "
              + floor.minPricePerLbUsd()
              + " USD/lb ("
              + floor.id()
              + ")");
    }
    return "floor:" + floor.id();
  }
}
