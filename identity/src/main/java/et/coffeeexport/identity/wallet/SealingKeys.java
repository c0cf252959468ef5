package et.coffeeexport.identity.wallet;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The id of each key the platform seals data with, recorded in the database ({@code sealing_key},
 * wallet migration V2) when the key is first used. An application that starts with another key file
 * is refused: what the first key sealed (wallet keys, documents) would no longer open, and what it
 * sealed next would need a key nobody kept.
 */
public final class SealingKeys {
  private SealingKeys() {}

  /**
   * Records {@code keyId} as the key {@code name} on first use; refuses another key later.
   *
   * @param file where the key lives, for the message
   * @throws KeyMismatch when the database knows the key {@code name} under another id
   */
  public static void verify(DataSource database, String name, String keyId, Path file) {
    try (Connection c = database.getConnection()) {
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO sealing_key (name, key_id) VALUES (?, ?) ON CONFLICT (name) DO NOTHING")) {
        insert.setString(1, name);
        insert.setString(2, keyId);
        insert.executeUpdate();
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT key_id, first_used FROM sealing_key WHERE name = ?")) {
        q.setString(1, name);
        try (ResultSet r = q.executeQuery()) {
          r.next();
          String recorded = r.getString(1);
          if (!recorded.equals(keyId)) {
            throw new KeyMismatch(
                "the key file "
                    + file
                    + " holds key "
                    + keyId
                    + ", but what the platform sealed as "
                    + name
                    + " since "
                    + r.getTimestamp(2).toInstant()
                    + " was sealed under key "
                    + recorded
                    + ". Restore the key file that sealed it (from the backup of the state folder);"
                    + " the application does not start with another key.");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the sealing keys of the database", e);
    }
  }

  /** A key file that is not the key the stored data was sealed with: nothing may start. */
  public static final class KeyMismatch extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    KeyMismatch(String message) {
      super(message);
    }
  }
}
