package et.coffeeexport.workflow.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Export ids derived from the exporter and the request's Idempotency-Key: the same request sent
 * twice names the same export, so even without Redis the ledger refuses a second filing.
 */
final class FilingIds {
  /** An Idempotency-Key's length and alphabet: the API's contract documents the same. */
  static final int KEY_MIN = 8;

  static final int KEY_MAX = 128;
  static final String KEY_PATTERN = "[A-Za-z0-9_.:-]{" + KEY_MIN + "," + KEY_MAX + "}";

  private FilingIds() {}

  static String of(String username, String idempotencyKey) {
    return "EXP-" + sha256(username + "\n" + idempotencyKey).substring(0, 24).toUpperCase();
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
