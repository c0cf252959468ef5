package et.coffeeexport.connectors.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.testing.TestSchema;
import et.coffeeexport.domain.ExportStatus;
import et.coffeeexport.domain.Stage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The read model's migrations and its projection against a real PostgreSQL, each test in a schema
 * of its own: a new database, a database the code before migrations created, and events applied by
 * their names.
 */
class ReadModelSchemaIT {
  /** The tables as the code before migrations created them, before stage_after and ledger_time. */
  private static final String BEFORE_MIGRATIONS =
      """
      CREATE TABLE export_view (export_id text PRIMARY KEY, exporter_id text NOT NULL,
        status text NOT NULL, stage text, shipment_due date, repatriation_due date,
        returned_from text, amendment_rounds int NOT NULL, destination text, grade text,
        quantity_kg numeric, decisions int NOT NULL, events_applied int NOT NULL,
        facts jsonb NOT NULL, created_at timestamptz, updated_at timestamptz,
        block_number bigint NOT NULL, transaction_id text NOT NULL);
      CREATE INDEX export_view_status ON export_view (status);
      CREATE TABLE export_event (transaction_id text PRIMARY KEY, block_number bigint NOT NULL,
        event_name text NOT NULL, export_id text, status_after text,
        applied_at timestamptz NOT NULL DEFAULT now());
      CREATE TABLE document_view (export_id text NOT NULL, document_type text NOT NULL,
        cid text NOT NULL, sha256 text NOT NULL, size_bytes bigint, transaction_id text NOT NULL,
        PRIMARY KEY (export_id, document_type, cid));
      CREATE TABLE ledger_checkpoint (listener text PRIMARY KEY, block_number bigint NOT NULL,
        transaction_id text);
      INSERT INTO export_view VALUES ('EXP-OLD', 'EXPORTER-1', 'SUBMITTED', 'BANK_INTAKE', NULL,
        NULL, NULL, 0, 'DE', 'G1', 600, 1, 1, '{}', now(), now(), 41, 'tx-old');
      INSERT INTO ledger_checkpoint VALUES ('read-model', 41, 'tx-old');
      """;

  private TestSchema schema;

  @BeforeEach
  void newSchema() {
    schema = TestSchema.create();
  }

  @AfterEach
  void dropSchema() throws SQLException {
    schema.close();
  }

  @Test
  void migratesAnEmptyDatabaseToTheReadModelsTablesOnce() throws SQLException {
    MigrateResult first = ReadModelSchema.migrate(schema.database);
    assertThat(first.migrationsExecuted).isEqualTo(1);
    assertThat(first.targetSchemaVersion).isEqualTo("1");
    assertThat(tables(schema.database))
        .containsExactlyInAnyOrder(
            "document_view",
            "export_event",
            "export_view",
            "flyway_readmodel_history",
            "ledger_checkpoint");
    assertThat(columns(schema.database, "export_event"))
        .containsExactly(
            "transaction_id",
            "block_number",
            "event_name",
            "export_id",
            "status_after",
            "stage_after",
            "ledger_time",
            "applied_at");
    assertThat(indexes(schema.database))
        .contains(
            "export_view_status",
            "export_view_exporter",
            "export_view_stage",
            "export_view_shipment_due",
            "export_view_repatriation_due",
            "export_event_export");
    assertThat(ReadModelSchema.migrate(schema.database).migrationsExecuted)
        .as("a second start migrates nothing")
        .isZero();
  }

  @Test
  void migratesADatabaseTheCodeBeforeMigrationsCreatedKeepingItsRows() throws SQLException {
    schema.execute(BEFORE_MIGRATIONS);
    MigrateResult result = ReadModelSchema.migrate(schema.database);
    assertThat(result.migrationsExecuted).isEqualTo(1);
    assertThat(columns(schema.database, "export_event")).contains("stage_after", "ledger_time");
    assertThat(history(schema.database)).containsExactly("0 BASELINE", "1 SQL");
    var readModel = new ReadModel(schema.database);
    assertThat(readModel.export("EXP-OLD")).isPresent();
    assertThat(readModel.checkpoint("read-model")).contains(new ReadModel.Checkpoint(41, "tx-old"));
  }

  @Test
  void appliesEachEventByItsNameAndSkipsAnUnknownOneMovingTheCheckpoint() throws Exception {
    ReadModelSchema.migrate(schema.database);
    var readModel = new ReadModel(schema.database);
    String export =
        """
        {"exportId":"EXP-1","exporterId":"EXPORTER-1","status":"SUBMITTED","decisions":1,
         "amendmentRounds":0,"request":{"grade":"G1","destinationCountry":"DE","quantityKg":600},
         "facts":{},"createdAt":"2026-12-01T10:00:00Z","updatedAt":"2026-12-01T10:00:00Z"}
        """;
    assertThat(readModel.apply("rm", event(10, "tx-1", "ExportSubmitted", export))).isTrue();
    assertThat(readModel.apply("rm", event(10, "tx-1", "ExportSubmitted", export)))
        .as("the same transaction again")
        .isFalse();
    String verified =
        export
            .replace("\"SUBMITTED\",\"decisions\":1", "\"BANK_VERIFIED\",\"decisions\":2")
            .replace(
                "\"updatedAt\":\"2026-12-01T10:00:00Z\"", "\"updatedAt\":\"2026-12-01T10:01:40Z\"");
    String anchor =
        """
        {"exportId":"EXP-1","type":"SALES_CONTRACT","version":1,"cid":"bafy1","sha256":"ab",
         "sizeBytes":10}
        """;
    assertThat(readModel.apply("rm", event(11, "tx-2", "DocumentAnchored", anchor))).isTrue();
    assertThat(readModel.apply("rm", event(12, "tx-3", "ExportVerifiedAtBank", verified))).isTrue();
    assertThat(readModel.apply("rm", event(13, "tx-4", "RuleSetPublished", "{\"version\":2}")))
        .isTrue();
    String teleported = verified.replace("\"BANK_VERIFIED\"", "\"COMPLETED\"");
    assertThat(readModel.apply("rm", event(14, "tx-5", "ExportTeleported", teleported)))
        .as("an unknown name is skipped")
        .isFalse();

    assertThat(readModel.export("EXP-1").orElseThrow())
        .isEqualTo(new ReadModel.ExportView("EXP-1", "EXPORTER-1", "BANK_VERIFIED", 2, 2));
    assertThat(readModel.exportsWaitingIn("COMPLIANCE")).hasSize(1);
    assertThat(readModel.checkpoint("rm")).contains(new ReadModel.Checkpoint(14, "tx-5"));
    assertThat(
            rows(
                schema.database,
                "SELECT event_name || ':' || coalesce(export_id, '-')"
                    + " FROM export_event ORDER BY block_number"))
        .containsExactly(
            "ExportSubmitted:EXP-1",
            "DocumentAnchored:EXP-1",
            "ExportVerifiedAtBank:EXP-1",
            "RuleSetPublished:-");
    assertThat(rows(schema.database, "SELECT cid FROM document_view")).containsExactly("bafy1");

    var figures = new ExportFigures(readModel);
    assertThat(figures.exportsIn(ExportStatus.BANK_VERIFIED)).isEqualTo(1);
    assertThat(figures.exportsIn(ExportStatus.COMPLETED)).isZero();
    assertThat(figures.averageWaitSeconds(Stage.BANK_INTAKE))
        .as("filed 10:00:00, verified 10:01:40")
        .isEqualTo(100.0);
    assertThat(figures.averageWaitSeconds(Stage.COMPLIANCE)).as("still waiting").isZero();
    assertThat(figures.shipmentsOverdue(LocalDate.of(2026, 12, 1))).isZero();
    assertThat(figures.repatriationsOverdue(LocalDate.of(2026, 12, 1))).isZero();
    assertThat(figures.averageCompletionSeconds()).isZero();
  }

  private static LedgerEvent event(long block, String tx, String name, String payload) {
    return new LedgerEvent(block, tx, name, payload.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> tables(DataSource db) throws SQLException {
    return rows(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
  }

  private static List<String> columns(DataSource db, String table) throws SQLException {
    return rows(
        db,
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
            + " AND table_name = '"
            + table
            + "' ORDER BY ordinal_position");
  }

  private static List<String> indexes(DataSource db) throws SQLException {
    return rows(db, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()");
  }

  private static List<String> history(DataSource db) throws SQLException {
    return rows(
        db,
        "SELECT version || ' ' || type FROM "
            + ReadModelSchema.HISTORY_TABLE
            + " ORDER BY installed_rank");
  }

  private static List<String> rows(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        var s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    }
  }
}
