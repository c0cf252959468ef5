package et.coffeeexport.identity.wallet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Users' Fabric identities in PostgreSQL: certificates in the clear, private keys (PKCS#8) sealed
 * with AES-256-GCM under the {@link KeyEncryptionKey}, bound to their row by the associated data.
 */
public final class Wallet {
  private final DataSource database;
  private final KeyEncryptionKey kek;

  /** Over a database that {@link WalletSchema#migrate} brought up to date. */
  public Wallet(DataSource database, KeyEncryptionKey kek) {
    this.database = database;
    this.kek = kek;
  }

  /**
   * Refuses to go on with a key-encryption key other than the one that sealed the wallet: rows
   * sealed under another key, or another key recorded as the wallet's ({@link SealingKeys}). Run at
   * start, after {@link WalletSchema#migrate}.
   *
   * @param file where the key was read from, for the message
   */
  public void verifyKey(java.nio.file.Path file) {
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement(
                "SELECT kek_id, count(*) FROM fabric_identity WHERE kek_id <> ?"
                    + " GROUP BY kek_id ORDER BY 2 DESC LIMIT 1")) {
      q.setString(1, kek.id());
      try (ResultSet r = q.executeQuery()) {
        if (r.next()) {
          throw new SealingKeys.KeyMismatch(
              "the wallet holds "
                  + r.getLong(2)
                  + " identities sealed under key-encryption key "
                  + r.getString(1)
                  + ", but the key file "
                  + file
                  + " holds key "
                  + kek.id()
                  + ". Restore the key file that sealed them (from the backup of the state"
                  + " folder); the wallet does not start with another key.");
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the wallet", e);
    }
    SealingKeys.verify(database, "wallet-kek", kek.id(), file);
  }

  /**
   * Who holds a wallet entry, active or not, and for the active ones their organisation (network
   * name) and role: what the roster is compared with, without opening any key.
   */
  public Map<String, Holder> holders() {
    Map<String, Holder> holders = new java.util.HashMap<>();
    try (Connection c = database.getConnection();
        PreparedStatement q =
            c.prepareStatement("SELECT user_id, username, org, role, active FROM fabric_identity");
        ResultSet r = q.executeQuery()) {
      while (r.next()) {
        holders.put(
            r.getString("user_id"),
            new Holder(
                r.getString("username"),
                r.getString("org"),
                r.getString("role"),
                r.getBoolean("active")));
      }
      return holders;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the wallet", e);
    }
  }

  /** A wallet entry as the roster sees it. */
  public record Holder(String username, String org, String role, boolean active) {}

  public Optional<StoredIdentity> find(String userId) {
    try (Connection c = database.getConnection()) {
      return find(c, userId);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the wallet", e);
    }
  }

  Optional<StoredIdentity> find(Connection c, String userId) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT username, org, msp_id, enrollment_id, role, certificate, sealed_key, kek_id,"
                + " active FROM fabric_identity WHERE user_id = ?")) {
      q.setString(1, userId);
      try (ResultSet r = q.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        String mspId = r.getString("msp_id");
        String enrollmentId = r.getString("enrollment_id");
        String sealedUnder = r.getString("kek_id");
        if (!kek.id().equals(sealedUnder)) {
          throw new SealingKeys.KeyMismatch(
              "the wallet entry of "
                  + userId
                  + " was sealed under key-encryption key "
                  + sealedUnder
                  + ", not under this wallet's key "
                  + kek.id());
        }
        byte[] pkcs8 = kek.open(r.getBytes("sealed_key"), binding(userId, mspId, enrollmentId));
        return Optional.of(
            new StoredIdentity(
                userId,
                r.getString("username"),
                r.getString("org"),
                mspId,
                enrollmentId,
                r.getString("role"),
                r.getString("certificate"),
                privateKey(pkcs8),
                r.getBoolean("active")));
      }
    }
  }

  /** The identity's private key sealed under the key-encryption key, bound to its row. */
  private byte[] sealedKeyOf(StoredIdentity identity) {
    return kek.seal(
        identity.privateKey().getEncoded(),
        binding(identity.userId(), identity.mspId(), identity.enrollmentId()));
  }

  void insert(Connection c, StoredIdentity identity) throws SQLException {
    byte[] sealed = sealedKeyOf(identity);
    try (PreparedStatement u =
        c.prepareStatement(
            "INSERT INTO fabric_identity (user_id, username, org, msp_id, enrollment_id, role,"
                + " certificate, sealed_key, kek_id, active) VALUES (?,?,?,?,?,?,?,?,?,true)")) {
      u.setString(1, identity.userId());
      u.setString(2, identity.username());
      u.setString(3, identity.org());
      u.setString(4, identity.mspId());
      u.setString(5, identity.enrollmentId());
      u.setString(6, identity.role());
      u.setString(7, identity.certificatePem());
      u.setBytes(8, sealed);
      u.setString(9, kek.id());
      u.executeUpdate();
    }
  }

  /**
   * Puts a newly enrolled identity in place of the user's current one (whose certificate the caller
   * revokes): same row, new organisation, enrollment id, role, certificate and key, active.
   */
  void replace(Connection c, StoredIdentity identity) throws SQLException {
    byte[] sealed = sealedKeyOf(identity);
    try (PreparedStatement u =
        c.prepareStatement(
            "UPDATE fabric_identity SET username = ?, org = ?, msp_id = ?, enrollment_id = ?,"
                + " role = ?, certificate = ?, sealed_key = ?, kek_id = ?, active = true,"
                + " enrolled_at = now(), revoked_at = NULL WHERE user_id = ?")) {
      u.setString(1, identity.username());
      u.setString(2, identity.org());
      u.setString(3, identity.mspId());
      u.setString(4, identity.enrollmentId());
      u.setString(5, identity.role());
      u.setString(6, identity.certificatePem());
      u.setBytes(7, sealed);
      u.setString(8, kek.id());
      u.setString(9, identity.userId());
      if (u.executeUpdate() != 1) {
        throw new IllegalStateException("no wallet entry to replace for " + identity.userId());
      }
    }
  }

  /** Marks the identity unusable; the wallet never hands it out to sign again. */
  void deactivate(Connection c, String userId) throws SQLException {
    try (PreparedStatement u =
        c.prepareStatement(
            "UPDATE fabric_identity SET active = false, revoked_at = now()"
                + " WHERE user_id = ? AND active")) {
      u.setString(1, userId);
      u.executeUpdate();
    }
  }

  Connection connection() throws SQLException {
    return database.getConnection();
  }

  private static byte[] binding(String userId, String mspId, String enrollmentId) {
    return (userId + "\n" + mspId + "\n" + enrollmentId).getBytes(StandardCharsets.UTF_8);
  }

  private static PrivateKey privateKey(byte[] pkcs8) {
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the wallet holds a key that is not an EC key", e);
    }
  }
}
