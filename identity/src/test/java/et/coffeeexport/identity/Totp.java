package et.coffeeexport.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords, as an authenticator app computes them from Keycloak's
 * secret.
 */
public final class Totp {
  private Totp() {}

  /**
   * The 6-digit code for {@code secret} (Keycloak's stored secret, used as UTF-8 key bytes) at
   * {@code time}.
   */
  public static String code(String secret, Instant time) throws Exception {
    long counter = time.getEpochSecond() / 30;
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
    int offset = hash[hash.length - 1] & 0xf;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    return String.format("%06d", binary % 1_000_000);
  }
}
