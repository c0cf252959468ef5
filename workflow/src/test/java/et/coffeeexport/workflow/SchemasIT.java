package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.connectors.readmodel.ReadModelSchema;
import et.coffeeexport.connectors.testing.TestSchema;
import et.coffeeexport.identity.wallet.WalletSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The application's database holds three modules' tables: each module migrates its own, into a
 * history table of its own, in whatever order their beans start, and none disturbs another's.
 */
class SchemasIT {

  @Test
  void eachModuleMigratesItsOwnTablesIntoItsOwnHistoryInAnyOrder() throws SQLException {
    try (TestSchema schema = TestSchema.create()) {
      // Tables the code before migrations had created, as on a running platform.
      schema.execute(
          "CREATE TABLE submission (export_id text PRIMARY KEY, username text NOT NULL,"
              + " fingerprint text NOT NULL, filed_at timestamptz NOT NULL DEFAULT now());"
              + " INSERT INTO submission (export_id, username, fingerprint)"
              + " VALUES ('EXP-1', 'exporter', 'f1')");
      // Workflow: submission, private_input, decision_outcome, licence applications and notices,
      // decision_outcome by decider; read model: V1; wallet: fabric_identity, sealing_key.
      assertThat(WorkflowSchema.migrate(schema.database).migrationsExecuted).isEqualTo(5);
      assertThat(ReadModelSchema.migrate(schema.database).migrationsExecuted).isEqualTo(1);
      assertThat(WalletSchema.migrate(schema.database).migrationsExecuted).isEqualTo(2);

      assertThat(
              rows(
                  schema,
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = current_schema()"))
          .containsExactlyInAnyOrder(
              "submission",
              "private_input",
              "decision_outcome",
              "licence_application",
              "exporter_notice",
              "flyway_workflow_history",
              "export_view",
              "export_event",
              "document_view",
              "ledger_checkpoint",
              "flyway_readmodel_history",
              "fabric_identity",
              "sealing_key",
              "flyway_identity_history");
      assertThat(
              rows(
                  schema, "SELECT version FROM " + WorkflowSchema.HISTORY_TABLE + " WHERE success"))
          .endsWith("1", "2", "3", "4", "5");
      assertThat(
              rows(
                  schema,
                  "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                      + " AND tablename = 'decision_outcome'"))
          .as("a start form finds its person's newest decisions by index")
          .contains("decision_outcome_by_decider");
      assertThat(
              rows(
                  schema,
                  "SELECT version FROM " + ReadModelSchema.HISTORY_TABLE + " WHERE success"))
          .endsWith("1");
      assertThat(
              rows(schema, "SELECT version FROM " + WalletSchema.HISTORY_TABLE + " WHERE success"))
          .endsWith("1", "2");
      assertThat(rows(schema, "SELECT fingerprint FROM submission")).containsExactly("f1");

      assertThat(WalletSchema.migrate(schema.database).migrationsExecuted).isZero();
      assertThat(ReadModelSchema.migrate(schema.database).migrationsExecuted).isZero();
      assertThat(WorkflowSchema.migrate(schema.database).migrationsExecuted).isZero();
    }
  }

  private static List<String> rows(TestSchema schema, String sql) throws SQLException {
    try (Connection c = schema.database.getConnection();
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
