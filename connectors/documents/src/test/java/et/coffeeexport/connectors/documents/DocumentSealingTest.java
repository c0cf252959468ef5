package et.coffeeexport.connectors.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import et.coffeeexport.connectors.fabric.SecretKeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentSealingTest {
  private static final byte[] PDF =
      "%PDF-1.7 sales contract 42".getBytes(StandardCharsets.US_ASCII);

  @Test
  void opensWhatItSealedAndHidesTheContent(@TempDir Path dir) {
    DocumentSealing sealing = newKey(dir.resolve("documents-key"));
    byte[] sealed = sealing.seal(PDF, "EXP-1", "SALES_CONTRACT");
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("sales contract");
    assertThat(sealing.seal(PDF, "EXP-1", "SALES_CONTRACT")).isNotEqualTo(sealed);
    assertThat(sealing.open(sealed, "EXP-1", "SALES_CONTRACT")).isEqualTo(PDF);
  }

  @Test
  void refusesAnAlteredObjectOrOneOfAnotherDocument(@TempDir Path dir) {
    DocumentSealing sealing = newKey(dir.resolve("documents-key"));
    byte[] sealed = sealing.seal(PDF, "EXP-1", "SALES_CONTRACT");
    assertThatThrownBy(() -> sealing.open(sealed, "EXP-2", "SALES_CONTRACT"))
        .isInstanceOf(DocumentTampered.class);
    assertThatThrownBy(() -> sealing.open(sealed, "EXP-1", "BILL_OF_LADING"))
        .isInstanceOf(DocumentTampered.class);
    byte[] flipped = sealed.clone();
    flipped[flipped.length - 20] ^= 1;
    assertThatThrownBy(() -> sealing.open(flipped, "EXP-1", "SALES_CONTRACT"))
        .isInstanceOf(DocumentTampered.class);
    assertThatThrownBy(() -> sealing.open(PDF, "EXP-1", "SALES_CONTRACT"))
        .isInstanceOf(DocumentTampered.class)
        .hasMessageContaining("not a sealed document");
  }

  @Test
  void anotherPlatformKeyCannotOpenIt(@TempDir Path dir) {
    byte[] sealed = newKey(dir.resolve("a")).seal(PDF, "EXP-1", "SALES_CONTRACT");
    assertThatThrownBy(() -> newKey(dir.resolve("b")).open(sealed, "EXP-1", "SALES_CONTRACT"))
        .isInstanceOf(DocumentKeyMismatch.class)
        .hasMessageContaining("sealed under document key");
  }

  @Test
  void theKeyIdInTheObjectIsAuthenticated(@TempDir Path dir) {
    DocumentSealing sealing = newKey(dir.resolve("documents-key"));
    byte[] sealed = sealing.seal(PDF, "EXP-1", "SALES_CONTRACT");
    assertThat(java.util.Arrays.copyOfRange(sealed, 0, 4))
        .isEqualTo("CEC2".getBytes(StandardCharsets.US_ASCII));
    assertThat(java.util.HexFormat.of().formatHex(sealed, 4, 12)).isEqualTo(sealing.keyId());
    // Another key's id written over ours is refused as another key's object, never opened.
    byte[] relabelled = sealed.clone();
    relabelled[4] ^= 1;
    assertThatThrownBy(() -> sealing.open(relabelled, "EXP-1", "SALES_CONTRACT"))
        .isInstanceOf(DocumentKeyMismatch.class);
  }

  @Test
  void theKeyFileIsNeverMadeWhenMissing(@TempDir Path dir) {
    Path file = dir.resolve("documents-key");
    assertThatThrownBy(() -> DocumentSealing.withKeyFile(file))
        .isInstanceOf(SecretKeyFile.MissingKeyFile.class)
        .hasMessageContaining("is missing");
    assertThat(file).doesNotExist();
  }

  private static DocumentSealing newKey(Path file) {
    SecretKeyFile.create(file);
    return DocumentSealing.withKeyFile(file);
  }
}
