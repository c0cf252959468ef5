package et.coffeeexport.workflow.metrics;

import et.coffeeexport.connectors.readmodel.ExportFigures;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The business figures Prometheus scrapes next to the technical ones: exports by status and by the
 * stage they wait in, shipments past their deadline, how long exports take (all from the read
 * model, through its {@link ExportFigures}), and open incidents. A figure the read model cannot
 * give reads NaN.
 */
@Component
class BusinessMetrics {

  BusinessMetrics(MeterRegistry registry, ExportFigures figures, RuntimeService runtime) {
    for (ExportStatus status : ExportStatus.values()) {
      Gauge.builder("coffee_exports", () -> figure(() -> figures.exportsIn(status)))
          .description("Exports on the ledger by status (read model)")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder(
            "coffee_exports_shipment_overdue",
            () -> figure(() -> figures.shipmentsOverdue(LocalDate.now(ZoneOffset.UTC))))
        .description("Exports not shipped by their shipment deadline")
        .register(registry);
    Gauge.builder(
            "coffee_exports_repatriation_overdue",
            () -> figure(() -> figures.repatriationsOverdue(LocalDate.now(ZoneOffset.UTC))))
        .description("Shipped exports whose proceeds are past their repatriation deadline")
        .register(registry);
    // How long exports waited in each stage: from the event that put them there to the next one,
    // by the ledger's transaction times.
    for (Stage stage : Stage.values()) {
      Gauge.builder(
              "coffee_stage_wait_seconds_avg",
              () -> figure(() -> figures.averageWaitSeconds(stage)))
          .description("Average time exports waited in a stage before its decision")
          .tag("stage", stage.name())
          .register(registry);
    }
    Gauge.builder("coffee_process_incidents", () -> runtime.createIncidentQuery().count())
        .description("Open incidents of the export processes")
        .register(registry);
    Gauge.builder(
            "coffee_exports_completion_seconds_avg",
            () -> figure(figures::averageCompletionSeconds))
        .description("Average time from filing to completion of completed exports")
        .register(registry);
  }

  private static double figure(Supplier<? extends Number> read) {
    try {
      return read.get().doubleValue();
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
