package et.coffeeexport.workflow.metrics;

import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Stage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The business figures Prometheus scrapes next to the technical ones: exports by status and by the
 * stage they wait in (from the read model), shipments past their deadline, open incidents, and how
 * long exports take (from the read model's event trail).
 */
@Component
class BusinessMetrics {
  private final JdbcTemplate jdbc;

  BusinessMetrics(MeterRegistry registry, DataSource database, RuntimeService runtime) {
    this.jdbc = new JdbcTemplate(database);
    for (ExportStatus status : ExportStatus.values()) {
      Gauge.builder(
              "coffee_exports",
              () -> count("SELECT count(*) FROM export_view WHERE status = ?", status.name()))
          .description("Exports on the ledger by status (read model)")
          .tag("status", status.name())
          .register(registry);
    }
    Gauge.builder(
            "coffee_exports_shipment_overdue",
            () ->
                count(
                    "SELECT count(*) FROM export_view WHERE shipment_due < ?::date AND status IN"
                        + " ('ECTA_APPROVED','QUALITY_CERTIFIED','FX_APPROVED','CUSTOMS_CLEARED','SHIPMENT_BOOKED')",
                    LocalDate.now(ZoneOffset.UTC).toString()))
        .description("Exports not shipped by their shipment deadline")
        .register(registry);
    Gauge.builder(
            "coffee_exports_repatriation_overdue",
            () ->
                count(
                    "SELECT count(*) FROM export_view WHERE repatriation_due < ?::date AND status IN ('SHIPPED','ARRIVED')",
                    LocalDate.now(ZoneOffset.UTC).toString()))
        .description("Shipped exports whose proceeds are past their repatriation deadline")
        .register(registry);
    // How long exports waited in each stage: from the event that put them there to the next one,
    // by the ledger's transaction times.
    for (Stage stage : Stage.values()) {
      Gauge.builder(
              "coffee_stage_wait_seconds_avg",
              () ->
                  number(
                      "SELECT coalesce(avg(extract(epoch FROM next_time - ledger_time)), 0) FROM ("
                          + " SELECT stage_after, ledger_time, lead(ledger_time) OVER"
                          + " (PARTITION BY export_id ORDER BY block_number, transaction_id) AS next_time"
                          + " FROM export_event WHERE status_after IS NOT NULL) waits"
                          + " WHERE next_time IS NOT NULL AND stage_after = '"
                          + stage.name()
                          + "'"))
          .description("Average time exports waited in a stage before its decision")
          .tag("stage", stage.name())
          .register(registry);
    }
    Gauge.builder("coffee_process_incidents", () -> runtime.createIncidentQuery().count())
        .description("Open incidents of the export processes")
        .register(registry);
    Gauge.builder(
            "coffee_exports_completion_seconds_avg",
            () ->
                number(
                    "SELECT coalesce(avg(extract(epoch FROM updated_at - created_at)), 0) FROM export_view"
                        + " WHERE status = 'COMPLETED'"))
        .description("Average time from filing to completion of completed exports")
        .register(registry);
  }

  private double count(String sql, String arg) {
    try {
      Long n = jdbc.queryForObject(sql, Long.class, arg);
      return n == null ? 0 : n;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }

  private double number(String sql) {
    try {
      Double n = jdbc.queryForObject(sql, Double.class);
      return n == null ? 0 : n;
    } catch (RuntimeException e) {
      return Double.NaN;
    }
  }
}
