package et.coffeeexport.identity.wallet;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The wallet's table ({@code fabric_identity}) as Flyway migrations in {@value #LOCATION}, with a
 * history table of its own ({@value #HISTORY_TABLE}) so that they never collide with another
 * module's migrations in the same database. Whoever starts a {@link Wallet} runs them first.
 */
public final class WalletSchema {
  public static final String LOCATION = "classpath:db/migration/identity";
  public static final String HISTORY_TABLE = "flyway_identity_history";

  private WalletSchema() {}

  /** Brings the wallet's table up to the latest migration; safe to run at every start. */
  public static MigrateResult migrate(DataSource database) {
    return flyway(database).migrate();
  }

  /**
   * The wallet's Flyway. A database the code before migrations wrote to (or one holding other
   * modules' tables) has no history table of ours: it is baselined below V1, and V1, idempotent,
   * runs over it.
   */
  public static Flyway flyway(DataSource database) {
    return Flyway.configure(WalletSchema.class.getClassLoader())
        .dataSource(database)
        .locations(LOCATION)
        .table(HISTORY_TABLE)
        .failOnMissingLocations(true)
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
  }
}
