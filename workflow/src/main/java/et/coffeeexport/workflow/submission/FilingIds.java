package et.coffeeexport.workflow.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Export ids derived from the exporter and the request's Idempotency-Key: the same request sent
 * twice names the same export, so even without Redis the ledger refuses a second filing.
 */
public final class FilingIds {
  /** An Idempotency-Key's length and alphabet: the API's contract documents the same. */
  public static final int KEY_MIN = 8;

  public static final int KEY_MAX = 128;
  public static final String KEY_PATTERN = "[A-Za-z0-9_.:-]{" + KEY_MIN + "," + KEY_MAX + "}";

  private FilingIds() {}

  static String of(String username, String idempotencyKey) {
    return derived("EXP-", username, idempotencyKey);
  }

  /**
   * An id in the ledger's alphabet named by {@code prefix}, derived from who asks and their
   * Idempotency-Key (400 when the key is missing or malformed): a request sent again names the same
   * record.
   */
  public static String derived(String prefix, String owner, String idempotencyKey) {
    if (idempotencyKey == null || !idempotencyKey.matches(KEY_PATTERN)) {
      throw new ApiProblems.BadRequest(
          "an Idempotency-Key header of "
              + KEY_MIN
              + "-"
              + KEY_MAX
              + " characters [A-Za-z0-9_.:-] is required");
    }
    return prefix + sha256(owner + "\n" + idempotencyKey).substring(0, 24).toUpperCase();
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
