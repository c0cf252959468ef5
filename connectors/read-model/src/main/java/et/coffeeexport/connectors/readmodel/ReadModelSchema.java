package et.coffeeexport.connectors.readmodel;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The read model's tables ({@code export_view}, {@code export_event}, {@code document_view}, {@code
 * ledger_checkpoint}) as Flyway migrations in {@value #LOCATION}, with a history table of their own
 * ({@value #HISTORY_TABLE}) so that they never collide with another module's migrations in the same
 * database. Whoever starts the read model runs them first; other modules read the tables through
 * {@link ReadModel} and {@link ExportFigures}, never with SQL of their own.
 */
public final class ReadModelSchema {
  public static final String LOCATION = "classpath:db/migration/readmodel";
  public static final String HISTORY_TABLE = "flyway_readmodel_history";

  private ReadModelSchema() {}

  /** Brings the read model's tables up to the latest migration; safe to run at every start. */
  public static MigrateResult migrate(DataSource database) {
    return flyway(database).migrate();
  }

  /**
   * The read model's Flyway. A database the code before migrations wrote to (or one holding other
   * modules' tables) has no history table of ours: it is baselined below V1, and V1, idempotent,
   * runs over it.
   */
  public static Flyway flyway(DataSource database) {
    return Flyway.configure(ReadModelSchema.class.getClassLoader())
        .dataSource(database)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
