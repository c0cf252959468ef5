package et.coffeeexport.identity.enrolment;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Enrollment secrets: used once, never stored. */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String random() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
