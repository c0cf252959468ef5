package et.coffeeexport.connectors.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A schema of its own in a real PostgreSQL, for the tests at the database boundary: created empty,
 * dropped with everything in it on {@link #close()}. The database is the platform's ({@code
 * network/cec up}: database and role {@code workflow} on 127.0.0.1:5432, the password in the state
 * folder's {@code secrets/postgres-workflow}); {@code -Dcec.postgres.url}, {@code
 * -Dcec.postgres.user} and {@code -Dcec.postgres.passwordFile} point the tests at another one, such
 * as a throwaway PostgreSQL of a developer's. It starts nothing: without a database the test fails
 * (or is skipped where {@link RealNetwork#require} allows it).
 */
public final class TestSchema implements AutoCloseable {
  private static final String URL =
      System.getProperty("cec.postgres.url", "jdbc:postgresql://127.0.0.1:5432/workflow");
  private static final String USER = System.getProperty("cec.postgres.user", "workflow");

  /** The schema's name: {@code it_} and a random suffix. */
  public final String name;

  /** Connections whose current schema is this one. */
  public final PGSimpleDataSource database;

  private final PGSimpleDataSource server;

  private TestSchema(PGSimpleDataSource server, String name) {
    this.server = server;
    this.name = name;
    this.database = dataSource(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + name);
  }

  /** A new, empty schema. */
  public static TestSchema create() {
    PGSimpleDataSource server = dataSource(URL);
    String name = "it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = server.getConnection();
        var s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    } catch (SQLException e) {
      RealNetwork.require(false, "PostgreSQL at " + URL + " (" + e.getMessage() + ")");
    }
    return new TestSchema(server, name);
  }

  /** Runs {@code sql} in the schema (fixtures: a database as older code left it). */
  public void execute(String sql) throws SQLException {
    try (Connection c = database.getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = server.getConnection();
        var s = c.createStatement()) {
      s.execute("DROP SCHEMA " + name + " CASCADE");
    }
  }

  private static PGSimpleDataSource dataSource(String url) {
    var database = new PGSimpleDataSource();
    database.setUrl(url);
    database.setUser(USER);
    database.setPassword(password());
    return database;
  }

  private static String password() {
    Path file =
        Path.of(
            System.getProperty(
                "cec.postgres.passwordFile",
                new LocalNetwork().state.resolve("secrets/postgres-workflow").toString()));
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      RealNetwork.require(false, "the PostgreSQL password in " + file);
      throw new IllegalStateException(e);
    }
  }
}
