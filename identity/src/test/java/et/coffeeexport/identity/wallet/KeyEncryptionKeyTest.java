package et.coffeeexport.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.fabric.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyEncryptionKeyTest {
  private static final byte[] ROW =
      "user-1\nEcxMSP\necx.officer-1".getBytes(StandardCharsets.UTF_8);

  @Test
  void sealsWithAFreshNonceAndOpensWhatItSealed(@TempDir Path dir) {
    KeyEncryptionKey kek = newKey(dir.resolve("kek"));
    byte[] secret = "-----BEGIN PRIVATE KEY----- material".getBytes(StandardCharsets.UTF_8);
    byte[] first = kek.seal(secret, ROW);
    byte[] second = kek.seal(secret, ROW);
    assertThat(first).isNotEqualTo(second).hasSize(secret.length + 12 + 16);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("PRIVATE KEY");
    assertThat(kek.open(first, ROW)).isEqualTo(secret);
  }

  @Test
  void refusesAKeyMovedToAnotherRowOrAltered(@TempDir Path dir) {
    KeyEncryptionKey kek = newKey(dir.resolve("kek"));
    byte[] sealed = kek.seal(new byte[] {1, 2, 3}, ROW);
    byte[] otherRow = "user-2\nEcxMSP\necx.officer-2".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> kek.open(sealed, otherRow)).isInstanceOf(WalletTampered.class);
    sealed[20] ^= 1;
    assertThatThrownBy(() -> kek.open(sealed, ROW)).isInstanceOf(WalletTampered.class);
  }

  @Test
  void isReadBackTheSameAndNamedByItsFingerprint(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("secrets/kek");
    KeyEncryptionKey created = newKey(file);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    KeyEncryptionKey again = KeyEncryptionKey.load(file);
    assertThat(again.id()).isEqualTo(created.id()).hasSize(16);
    assertThat(again.open(created.seal(new byte[] {7}, ROW), ROW)).containsExactly(7);
    assertThat(newKey(dir.resolve("other")).id()).isNotEqualTo(created.id());
  }

  @Test
  void isNeverMadeWhenMissing(@TempDir Path dir) {
    Path file = dir.resolve("secrets/wallet-kek");
    assertThatThrownBy(() -> KeyEncryptionKey.load(file))
        .isInstanceOf(SecretKeyFile.MissingKeyFile.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is missing");
    assertThat(file).doesNotExist();
  }

  @Test
  void refusesAKeyFileOfTheWrongSize(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("short");
    Files.write(file, new byte[16]);
    assertThatThrownBy(() -> KeyEncryptionKey.load(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("32 bytes");
  }

  static KeyEncryptionKey newKey(Path file) {
    SecretKeyFile.create(file);
    return KeyEncryptionKey.load(file);
  }
}
