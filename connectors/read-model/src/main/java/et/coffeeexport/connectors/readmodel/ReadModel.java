package et.coffeeexport.connectors.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import et.coffeeexport.domain.ExportFacts;
import et.coffeeexport.domain.ExportLifecycle;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Stage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger's exports in PostgreSQL, for the queries the ledger answers slowly or not at all
 * (exports by status, exporter, stage, deadline; the trail of events), and the listener's
 * checkpoint. Written only by {@link ExportEventListener}, one event per database transaction.
 */
public final class ReadModel {
  private static final Logger log = LoggerFactory.getLogger(ReadModel.class);

  private final DataSource database;

  /** Over a database that {@link ReadModelSchema#migrate} brought up to date. */
  public ReadModel(DataSource database) {
    this.database = database;
  }

  DataSource database() {
    return database;
  }

  /**
   * Applies one event and moves the checkpoint past it, in one database transaction: after a crash
   * the listener resumes exactly after the last event applied. An event already applied (its
   * transaction id is known) changes nothing. What an event changes follows from its name ({@link
   * EventDispatch}); an event of an unknown name is logged and skipped.
   *
   * @return whether the event was new and applied
   */
  boolean apply(String listener, LedgerEvent event) throws SQLException {
    EventDispatch dispatch = EventDispatch.of(event);
    if (dispatch.target() == EventDispatch.Target.SKIP) {
      log.warn(
          "skipped chaincode event '{}' (block {}, transaction {}): {}",
          event.name(),
          event.blockNumber(),
          event.transactionId(),
          dispatch.reason());
    }
    try (Connection c = database.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean fresh =
            dispatch.target() != EventDispatch.Target.SKIP && recordEvent(c, event, dispatch);
        if (fresh && dispatch.target() == EventDispatch.Target.EXPORT) {
          upsertExport(c, event, dispatch.payload());
        } else if (fresh && dispatch.target() == EventDispatch.Target.DOCUMENT) {
          insertDocument(c, event, dispatch.payload());
        }
        saveCheckpoint(c, listener, event);
        c.commit();
        return fresh;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static boolean recordEvent(Connection c, LedgerEvent e, EventDispatch dispatch)
      throws SQLException {
    JsonNode payload = dispatch.payload();
    String status =
        dispatch.target() == EventDispatch.Target.EXPORT ? payload.path("status").asText() : null;
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO export_event (transaction_id, block_number, event_name, export_id,"
                + " status_after, stage_after, ledger_time) VALUES (?,?,?,?,?,?,?::timestamptz)"
                + " ON CONFLICT (transaction_id) DO NOTHING")) {
      s.setString(1, e.transactionId());
      s.setLong(2, e.blockNumber());
      s.setString(3, e.name());
      s.setString(4, dispatch.exportId());
      s.setString(5, status);
      s.setString(6, status == null ? null : stageOf(status));
      s.setString(7, text(payload.path("updatedAt")));
      return s.executeUpdate() == 1;
    }
  }

  private static void upsertExport(Connection c, LedgerEvent e, JsonNode x) throws SQLException {
    JsonNode request = x.path("request");
    try (PreparedStatement s =
        c.prepareStatement(
            """
            INSERT INTO export_view (export_id, exporter_id, status, returned_from, amendment_rounds,
              destination, grade, quantity_kg, decisions, events_applied, facts, created_at, updated_at,
              block_number, transaction_id, stage, shipment_due, repatriation_due)
            VALUES (?,?,?,?,?,?,?,?,?,1,?::jsonb,?::timestamptz,?::timestamptz,?,?,?,?::date,?::date)
            ON CONFLICT (export_id) DO UPDATE SET status = excluded.status, stage = excluded.stage,
              shipment_due = excluded.shipment_due, repatriation_due = excluded.repatriation_due,
              returned_from = excluded.returned_from, amendment_rounds = excluded.amendment_rounds,
              destination = excluded.destination, grade = excluded.grade,
              quantity_kg = excluded.quantity_kg, decisions = excluded.decisions,
              events_applied = export_view.events_applied + 1, facts = excluded.facts,
              updated_at = excluded.updated_at, block_number = excluded.block_number,
              transaction_id = excluded.transaction_id
            """)) {
      s.setString(1, x.path("exportId").asText());
      s.setString(2, x.path("exporterId").asText());
      s.setString(3, x.path("status").asText());
      s.setString(4, text(x.path("returnedFrom")));
      s.setInt(5, x.path("amendmentRounds").asInt());
      s.setString(6, text(request.path("destinationCountry")));
      s.setString(7, text(request.path("grade")));
      s.setBigDecimal(
          8, request.has("quantityKg") ? request.path("quantityKg").decimalValue() : null);
      s.setInt(9, x.path("decisions").asInt());
      s.setString(10, x.path("facts").toString());
      s.setString(11, text(x.path("createdAt")));
      s.setString(12, text(x.path("updatedAt")));
      s.setLong(13, e.blockNumber());
      s.setString(14, e.transactionId());
      s.setString(15, stageOf(x.path("status").asText()));
      s.setString(16, date(x.path("facts").path(ExportFacts.SHIPMENT_DUE)));
      s.setString(17, date(x.path("facts").path(ExportFacts.REPATRIATION_DUE)));
      s.executeUpdate();
    }
  }

  private static void insertDocument(Connection c, LedgerEvent e, JsonNode d) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO document_view (export_id, document_type, cid, sha256, size_bytes, transaction_id)"
                + " VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")) {
      s.setString(1, d.path("exportId").asText());
      s.setString(2, d.path("type").asText());
      s.setString(3, d.path("cid").asText());
      s.setString(4, d.path("sha256").asText());
      s.setLong(5, d.path("sizeBytes").asLong());
      s.setString(6, e.transactionId());
      s.executeUpdate();
    }
  }

  private static void saveCheckpoint(Connection c, String listener, LedgerEvent e)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger_checkpoint (listener, block_number, transaction_id) VALUES (?,?,?)"
                + " ON CONFLICT (listener) DO UPDATE SET block_number = excluded.block_number,"
                + " transaction_id = excluded.transaction_id")) {
      s.setString(1, listener);
      s.setLong(2, e.blockNumber());
      s.setString(3, e.transactionId());
      s.executeUpdate();
    }
  }

  /** Where {@code listener} stopped: the last event applied, if any. */
  public Optional<Checkpoint> checkpoint(String listener) {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT block_number, transaction_id FROM ledger_checkpoint WHERE listener = ?")) {
      s.setString(1, listener);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Checkpoint(r.getLong(1), r.getString(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the checkpoint", e);
    }
  }

  /** One export as the read model holds it. */
  public record ExportView(
      String exportId, String exporterId, String status, int decisions, int eventsApplied) {}

  public Optional<ExportView> export(String exportId) {
    List<ExportView> found = exports("export_id = ?", exportId);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  public List<ExportView> exportsOf(String exporterId) {
    return exports("exporter_id = ?", exporterId);
  }

  public List<ExportView> exportsIn(String status) {
    return exports("status = ?", status);
  }

  /** Exports waiting in {@code stage} (BANK_INTAKE, COMPLIANCE, ...). */
  public List<ExportView> exportsWaitingIn(String stage) {
    return exports("stage = ?", stage);
  }

  /** Exports not shipped whose shipment is due on or before {@code date} (ISO). */
  public List<ExportView> shipmentsDueBy(String date) {
    return exports(
        "shipment_due <= ?::date AND status NOT IN ('SHIPPED','ARRIVED','COMPLETED','REJECTED','CANCELLED')",
        date);
  }

  private List<ExportView> exports(String where, String value) {
    try (Connection c = database.getConnection();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT export_id, exporter_id, status, decisions, events_applied FROM export_view WHERE "
                    + where
                    + " ORDER BY export_id")) {
      s.setString(1, value);
      List<ExportView> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(
              new ExportView(
                  r.getString(1), r.getString(2), r.getString(3), r.getInt(4), r.getInt(5)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the read model", e);
    }
  }

  /** The listener's position: the last applied event's block and transaction. */
  public record Checkpoint(long blockNumber, String transactionId) {}

  /** Which stage the export waits in (null once final), from the one lifecycle. */
  static String stageOf(String status) {
    try {
      Stage stage = ExportLifecycle.stageWaitingIn(ExportStatus.valueOf(status));
      return stage == null ? null : stage.name();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String date(JsonNode n) {
    String value = text(n);
    return value == null || value.length() < 10 ? null : value.substring(0, 10);
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? null : n.asText();
  }
}
