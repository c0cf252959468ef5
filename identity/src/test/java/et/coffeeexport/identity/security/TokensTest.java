package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The claim checks alone, with a key the test holds (Keycloak cannot be made to sign a token for
 * another issuer with the realm's own key; the ITs cover real tokens).
 */
class TokensTest {
  private static final String ISSUER = "http://localhost:8180/realms/coffee-export";
  private static final SecurityProperties PROPERTIES =
      new SecurityProperties(ISSUER, "coffee-export-api", Duration.ofSeconds(10));
  private final KeyPair keys = rsa();
  private final NimbusJwtDecoder decoder =
      NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();

  {
    decoder.setJwtValidator(Tokens.validator(PROPERTIES));
  }

  @Test
  void acceptsTheRealmsTokenForTheApis() throws Exception {
    var jwt = decoder.decode(token(ISSUER, List.of("coffee-export-api", "account"), 300));
    assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("ecx.officer");
  }

  @Test
  void refusesAnotherIssuerSignedWithTheRightKey() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    token("http://localhost:8180/realms/other", List.of("coffee-export-api"), 300)))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("iss");
  }

  @Test
  void refusesAnotherAudience() {
    assertThatThrownBy(() -> decoder.decode(token(ISSUER, List.of("account"), 300)))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("coffee-export-api");
  }

  @Test
  void refusesATokenExpiredLongerThanTheClockSkew() throws Exception {
    assertThat(decoder.decode(token(ISSUER, List.of("coffee-export-api"), -5))).isNotNull();
    assertThatThrownBy(() -> decoder.decode(token(ISSUER, List.of("coffee-export-api"), -11)))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }

  private String token(String issuer, List<String> audience, long expiresInSeconds)
      throws Exception {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("3f1c")
            .claim("preferred_username", "ecx.officer")
            .issueTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
    jwt.sign(new RSASSASigner(keys.getPrivate()));
    return jwt.serialize();
  }

  private static KeyPair rsa() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
