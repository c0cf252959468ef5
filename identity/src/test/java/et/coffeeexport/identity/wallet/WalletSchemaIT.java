package et.coffeeexport.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The wallet's migrations against a real PostgreSQL, each test in a schema of its own: a new
 * database, and a database the code before migrations created, whose identities stay usable.
 */
class WalletSchemaIT {
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
  void migratesAnEmptyDatabaseToTheWalletsTableOnce() throws Exception {
    assertThat(WalletSchema.migrate(schema.database).migrationsExecuted).isEqualTo(2);
    assertThat(
            rows(
                "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                    + " current_schema() AND table_name = 'fabric_identity' ORDER BY ordinal_position"))
        .containsExactly(
            "user_id",
            "username",
            "org",
            "msp_id",
            "enrollment_id",
            "role",
            "certificate",
            "sealed_key",
            "kek_id",
            "active",
            "enrolled_at",
            "revoked_at");
    assertThat(WalletSchema.migrate(schema.database).migrationsExecuted).isZero();

    Wallet wallet = wallet();
    try (Connection c = schema.database.getConnection()) {
      wallet.insert(c, identity("kc-1", "ECX-officer-1"));
    }
    assertThat(wallet.find("kc-1").orElseThrow().active()).isTrue();
  }

  @Test
  void migratesADatabaseTheCodeBeforeMigrationsCreatedKeepingItsIdentities() throws Exception {
    schema.execute(
        """
        CREATE TABLE fabric_identity (user_id text PRIMARY KEY, username text NOT NULL,
          org text NOT NULL, msp_id text NOT NULL, enrollment_id text NOT NULL, role text NOT NULL,
          certificate text NOT NULL, sealed_key bytea NOT NULL, kek_id text NOT NULL,
          active boolean NOT NULL, enrolled_at timestamptz NOT NULL DEFAULT now(),
          revoked_at timestamptz, UNIQUE (msp_id, enrollment_id))
        """);
    Wallet wallet = wallet();
    try (Connection c = schema.database.getConnection()) {
      wallet.insert(c, identity("kc-2", "ECX-officer-2"));
    }
    assertThat(WalletSchema.migrate(schema.database).migrationsExecuted).isEqualTo(2);
    assertThat(rows("SELECT version || ' ' || type FROM flyway_identity_history ORDER BY 1"))
        .containsExactly("0 BASELINE", "1 SQL", "2 SQL");
    assertThat(wallet.find("kc-2").orElseThrow().enrollmentId()).isEqualTo("ECX-officer-2");
  }

  @Test
  void aWalletWithAnotherKeyEncryptionKeyRefusesToStartAndToOpen() throws Exception {
    WalletSchema.migrate(schema.database);
    Path dir = Files.createTempDirectory("wallet-kek");
    Wallet sealer = new Wallet(schema.database, KeyEncryptionKeyTest.newKey(dir.resolve("first")));
    sealer.verifyKey(dir.resolve("first"));
    try (Connection c = schema.database.getConnection()) {
      sealer.insert(c, identity("kc-3", "ECX-officer-3"));
    }

    Path other = dir.resolve("other");
    Wallet opener = new Wallet(schema.database, KeyEncryptionKeyTest.newKey(other));
    assertThatThrownBy(() -> opener.verifyKey(other))
        .isInstanceOf(SealingKeys.KeyMismatch.class)
        .hasMessageContaining("1 identities sealed under key-encryption key")
        .hasMessageContaining(other.toString());
    assertThatThrownBy(() -> opener.find("kc-3"))
        .isInstanceOf(SealingKeys.KeyMismatch.class)
        .hasMessageContaining("sealed under key-encryption key");
    sealer.verifyKey(dir.resolve("first"));
    assertThat(sealer.find("kc-3")).isPresent();
  }

  @Test
  void theFirstKeyUsedIsRecordedAndAnotherRefusedEvenBeforeAnythingIsSealed() throws Exception {
    WalletSchema.migrate(schema.database);
    Path dir = Files.createTempDirectory("sealing-keys");
    SealingKeys.verify(schema.database, "documents-key", "00aa00aa00aa00aa", dir.resolve("a"));
    SealingKeys.verify(schema.database, "documents-key", "00aa00aa00aa00aa", dir.resolve("a"));
    assertThatThrownBy(
            () ->
                SealingKeys.verify(
                    schema.database, "documents-key", "11bb11bb11bb11bb", dir.resolve("b")))
        .isInstanceOf(SealingKeys.KeyMismatch.class)
        .hasMessageContaining("sealed under key 00aa00aa00aa00aa");
  }

  private Wallet wallet() throws Exception {
    Path kek = Files.createTempDirectory("wallet-kek").resolve("kek");
    return new Wallet(schema.database, KeyEncryptionKeyTest.newKey(kek));
  }

  private static StoredIdentity identity(String userId, String enrollmentId) throws Exception {
    var keys = KeyPairGenerator.getInstance("EC");
    keys.initialize(new ECGenParameterSpec("secp256r1"));
    return new StoredIdentity(
        userId,
        "officer",
        "ecx",
        "ECXMSP",
        enrollmentId,
        "officer",
        "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n",
        keys.generateKeyPair().getPrivate(),
        true);
  }

  private List<String> rows(String sql) throws SQLException {
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
