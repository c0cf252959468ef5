package et.coffeeexport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TotpTest {
  @Test
  void matchesTheRfc6238TestVectors() throws Exception {
    // RFC 6238 appendix B, SHA-1, key "12345678901234567890" (8 digits there; the last 6 here).
    assertThat(Totp.code("12345678901234567890", Instant.ofEpochSecond(59))).isEqualTo("287082");
    assertThat(Totp.code("12345678901234567890", Instant.ofEpochSecond(1111111109)))
        .isEqualTo("081804");
    assertThat(Totp.code("12345678901234567890", Instant.ofEpochSecond(2000000000)))
        .isEqualTo("279037");
  }
}
