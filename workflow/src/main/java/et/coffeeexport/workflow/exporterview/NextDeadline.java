package et.coffeeexport.workflow.exporterview;

import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportSnapshot;
import et.coffeeexport.domain.ExportStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The next deadline of an export the ledger recorded (DOMAIN.md, "Deadlines"): the shipment's, from
 * contract registration until the goods are shipped (also while a later stage has the export back
 * with its exporter), then the repatriation of the proceeds until they are recorded.
 *
 * @param kind {@code SHIPMENT} or {@code REPATRIATION}
 * @param due the last day (ISO date)
 * @param passed whether that day is over now
 */
@Schema(name = "Deadline")
record NextDeadline(String kind, String due, boolean passed) {
  private static final Set<ExportStatus> AWAITING_SHIPMENT =
      EnumSet.of(
          ExportStatus.ECTA_APPROVED,
          ExportStatus.QUALITY_CERTIFIED,
          ExportStatus.FX_APPROVED,
          ExportStatus.CUSTOMS_CLEARED,
          ExportStatus.SHIPMENT_BOOKED,
          ExportStatus.RETURNED_FOR_AMENDMENT);
  private static final Set<ExportStatus> AWAITING_PROCEEDS =
      EnumSet.of(ExportStatus.SHIPPED, ExportStatus.ARRIVED);

  /** The export's next deadline at {@code now}; empty when none runs. */
  static Optional<NextDeadline> of(ExportSnapshot export, Instant now) {
    String fact =
        AWAITING_SHIPMENT.contains(export.status())
            ? ExportFacts.SHIPMENT_DUE
            : AWAITING_PROCEEDS.contains(export.status()) ? ExportFacts.REPATRIATION_DUE : null;
    String recorded = fact == null ? null : export.fact(fact);
    if (recorded == null) {
      return Optional.empty();
    }
    LocalDate due = LocalDate.parse(recorded.substring(0, 10));
    return Optional.of(
        new NextDeadline(
            fact.equals(ExportFacts.SHIPMENT_DUE) ? "SHIPMENT" : "REPATRIATION",
            due.toString(),
            now.atZone(ZoneOffset.UTC).toLocalDate().isAfter(due)));
  }
}
