package et.coffeeexport.workflow;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The workflow application's own tables ({@code submission}) as Flyway migrations in {@value
 * #LOCATION}, with a history table of their own ({@value #HISTORY_TABLE}). The other modules'
 * tables are theirs to migrate (the read model's, the wallet's), and Camunda manages its own.
 */
public final class WorkflowSchema {
  public static final String LOCATION = "classpath:db/migration/workflow";
  public static final String HISTORY_TABLE = "flyway_workflow_history";

  private WorkflowSchema() {}

  /** Brings the workflow's tables up to the latest migration; safe to run at every start. */
  public static MigrateResult migrate(DataSource database) {
    return flyway(database).migrate();
  }

  /**
   * The workflow's Flyway. A database the code before migrations wrote to (or one holding Camunda's
   * or other modules' tables) has no history table of ours: it is baselined below V1, and V1,
   * idempotent, runs over it.
   */
  public static Flyway flyway(DataSource database) {
    return Flyway.configure(WorkflowSchema.class.getClassLoader())
        .dataSource(database)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
