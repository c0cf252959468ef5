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
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The claim checks alone, with a key the test holds (Keycloak cannot be made to sign a token for
 * another issuer with the realm's own key; the ITs cover real tokens). The default token is what
 * the realm issues an ECX officer who signed in with password and TOTP through the command-line
 * client; each test changes one thing.
 */
class TokensTest {
  private static final String ISSUER = "http://localhost:8180/realms/coffee-export";
  private static final SecurityProperties PROPERTIES =
      new SecurityProperties(ISSUER, "coffee-export-api", Duration.ofSeconds(10), null, null, null);
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

  @Test
  void acceptsBothOfThePlatformsClients() throws Exception {
    for (String client : List.of("coffee-export-webapp", "coffee-export-cli")) {
      assertThat(decoder.decode(token(c -> c.claim("azp", client))).getClaimAsString("azp"))
          .isEqualTo(client);
    }
  }

  @Test
  void refusesATokenForTheApisObtainedByAnotherClientOfTheRealm() {
    for (String client : List.of("account", "admin-cli", "it-api-1234", "coffee-export-api")) {
      assertThatThrownBy(() -> decoder.decode(token(c -> c.claim("azp", client))))
          .as(client)
          .isInstanceOf(JwtValidationException.class)
          .hasMessageContaining("not issued to a client of the platform");
    }
    assertThatThrownBy(() -> decoder.decode(token(c -> c.claim("azp", null))))
        .as("no azp at all")
        .hasMessageContaining("not issued to a client of the platform");
  }

  @Test
  void theClientsAreAProperty() throws Exception {
    var onlyTheWebapp =
        new SecurityProperties(
            ISSUER, "coffee-export-api", null, List.of("coffee-export-webapp"), null, null);
    decoder.setJwtValidator(Tokens.validator(onlyTheWebapp));
    assertThat(decoder.decode(token(c -> c.claim("azp", "coffee-export-webapp")))).isNotNull();
    assertThatThrownBy(() -> decoder.decode(token(UnaryOperator.identity())))
        .hasMessageContaining("not issued to a client of the platform");
  }

  @ParameterizedTest
  @ValueSource(strings = {"officer", "supervisor", "analyst", "admin", "second-factor"})
  void refusesStaffWhoSignedInWithAPasswordOnly(String role) {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    token(
                        c ->
                            c.claim("realm_access", Map.of("roles", List.of(role)))
                                .claim("amr", List.of("pwd")))))
        .isInstanceOfSatisfying(
            JwtValidationException.class,
            e ->
                assertThat(e.getErrors())
                    .anyMatch(r -> Tokens.INSUFFICIENT_AUTHENTICATION.equals(r.getErrorCode())))
        .hasMessageContaining("second factor");
  }

  @Test
  void refusesAnOfficersTokenWithoutAnyAuthenticationMethods() {
    assertThatThrownBy(() -> decoder.decode(token(c -> c.claim("amr", null))))
        .hasMessageContaining("second factor");
  }

  @Test
  void onlyAConfiguredMethodCountsAsTheSecondFactor() {
    assertThatThrownBy(
            () -> decoder.decode(token(c -> c.claim("amr", List.of("pwd", "kba", "sms")))))
        .hasMessageContaining("second factor");
  }

  @Test
  void anExporterMaySignInWithAPasswordOnly() throws Exception {
    var jwt = decoder.decode(token(TokensTest::exporterWithPasswordOnly));
    assertThat(jwt.getClaimAsStringList("amr")).containsExactly("pwd");
    assertThat(decoder.decode(token(c -> exporterWithPasswordOnly(c).claim("groups", null))))
        .as("an exporter outside any group")
        .isNotNull();
  }

  @Test
  void anExporterWhoIsAlsoStaffNeedsTheSecondFactor() {
    assertThatThrownBy(
            () ->
                decoder.decode(
                    token(
                        c ->
                            exporterWithPasswordOnly(c)
                                .claim(
                                    "realm_access",
                                    Map.of("roles", List.of("exporter", "officer"))))))
        .hasMessageContaining("second factor");
  }

  @Test
  void anExporterInAnOrganisationsGroupNeedsTheSecondFactor() {
    // The group alone gives ECTA's tasks (candidate groups), whatever the roles say.
    for (List<String> groups :
        List.of(List.of("/exporters", "/ecta"), List.of("/ecta-supervisors"), List.of("ecta"))) {
      assertThatThrownBy(
              () -> decoder.decode(token(c -> exporterWithPasswordOnly(c).claim("groups", groups))))
          .as(groups.toString())
          .hasMessageContaining("second factor");
    }
  }

  @Test
  void aTokenThatShowsNoRolesNeedsTheSecondFactor() {
    assertThatThrownBy(
            () ->
                decoder.decode(token(c -> exporterWithPasswordOnly(c).claim("realm_access", null))))
        .hasMessageContaining("second factor");
  }

  private static JWTClaimsSet.Builder exporterWithPasswordOnly(JWTClaimsSet.Builder c) {
    return c.claim("preferred_username", "exporter")
        .claim(
            "realm_access",
            Map.of("roles", List.of("exporter", "offline_access", "default-roles-coffee-export")))
        .claim("groups", List.of("/exporters"))
        .claim("amr", List.of("pwd"));
  }

  private String token(String issuer, List<String> audience, long expiresInSeconds)
      throws Exception {
    return token(issuer, audience, expiresInSeconds, UnaryOperator.identity());
  }

  private String token(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
    return token(ISSUER, List.of("coffee-export-api"), 300, change);
  }

  private String token(
      String issuer,
      List<String> audience,
      long expiresInSeconds,
      UnaryOperator<JWTClaimsSet.Builder> change)
      throws Exception {
    Instant now = Instant.now();
    var claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("3f1c")
            .claim("azp", "coffee-export-cli")
            .claim("preferred_username", "ecx.officer")
            .claim("realm_access", Map.of("roles", List.of("officer")))
            .claim("groups", List.of("/ecx"))
            .claim("amr", List.of("pwd", "otp"))
            .issueTime(Date.from(now.minusSeconds(60)))
            .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), change.apply(claims).build());
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
