package et.coffeeexport.connectors.readmodel;

import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Stage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;

/**
 * Figures over the whole read model, for the business metrics: how many exports are in a status,
 * how many are past their shipment or repatriation deadline, and how long exports wait in a stage
 * and take to complete, by the ledger's transaction times. Each call is one query; a database that
 * fails throws {@link IllegalStateException}.
 */
public final class ExportFigures {
  private final DataSource database;

  public ExportFigures(ReadModel readModel) {
    this.database = readModel.database();
  }

  /** Exports whose status is {@code status}. */
  public long exportsIn(ExportStatus status) {
    return number("SELECT count(*) FROM export_view WHERE status = ?", status.name()).longValue();
  }

  /** Exports not yet shipped whose shipment deadline is before {@code today}. */
  public long shipmentsOverdue(LocalDate today) {
    return number(
            "SELECT count(*) FROM export_view WHERE shipment_due < ?::date AND status IN"
                + " ('ECTA_APPROVED','QUALITY_CERTIFIED','FX_APPROVED','CUSTOMS_CLEARED','SHIPMENT_BOOKED')",
            today.toString())
        .longValue();
  }

  /** Shipped exports whose proceeds' repatriation deadline is before {@code today}. */
  public long repatriationsOverdue(LocalDate today) {
    return number(
            "SELECT count(*) FROM export_view WHERE repatriation_due < ?::date"
                + " AND status IN ('SHIPPED','ARRIVED')",
            today.toString())
        .longValue();
  }

  /**
   * The average time, in seconds, exports waited in {@code stage}: from the event that put them
   * there to the next one. Zero when none has left it yet.
   */
  public double averageWaitSeconds(Stage stage) {
    return number(
            "SELECT coalesce(avg(extract(epoch FROM next_time - ledger_time)), 0) FROM ("
                + " SELECT stage_after, ledger_time, lead(ledger_time) OVER"
                + " (PARTITION BY export_id ORDER BY block_number, transaction_id) AS next_time"
                + " FROM export_event WHERE status_after IS NOT NULL) waits"
                + " WHERE next_time IS NOT NULL AND stage_after = ?",
            stage.name())
        .doubleValue();
  }

  /** The average time, in seconds, from filing to completion of completed exports; zero if none. */
  public double averageCompletionSeconds() {
    return number(
            "SELECT coalesce(avg(extract(epoch FROM updated_at - created_at)), 0) FROM export_view"
                + " WHERE status = ?",
            ExportStatus.COMPLETED.name())
        .doubleValue();
  }

  private Number number(String sql, String parameter) {
    try (Connection c = database.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, parameter);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        Number n = (Number) r.getObject(1);
        return n == null ? 0 : n;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the read model's figures", e);
    }
  }
}
