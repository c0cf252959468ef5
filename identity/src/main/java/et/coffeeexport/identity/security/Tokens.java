package et.coffeeexport.identity.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The one way a bearer token is accepted: signed RS256 by a key the realm publishes, issued by the
 * realm, addressed to the APIs' audience, within its lifetime, obtained by one of the platform's
 * own clients ({@code azp}), and, for anyone but an exporter, through a second factor ({@code amr},
 * which the realm's login flow fills in). Unsigned ({@code alg=none}) and foreign-key tokens fail
 * signature verification before any claim is read.
 */
public final class Tokens {
  /** RFC 9470: the token is genuine, but the way its user signed in is not enough. */
  static final String INSUFFICIENT_AUTHENTICATION = "insufficient_user_authentication";

  // second-factor: the realm role the staff roles imply, which makes the login flow ask for TOTP.
  static final Set<String> STAFF_ROLES =
      Set.of("officer", "supervisor", "analyst", "admin", "second-factor");
  static final String EXPORTER_ROLE = "exporter";

  private Tokens() {}

  /** A decoder fetching the realm's keys lazily, so the application starts before Keycloak. */
  public static JwtDecoder decoder(SecurityProperties properties) {
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withJwkSetUri(properties.issuerUri() + "/protocol/openid-connect/certs")
            .jwsAlgorithm(SignatureAlgorithm.RS256)
            .build();
    decoder.setJwtValidator(validator(properties));
    return decoder;
  }

  static OAuth2TokenValidator<Jwt> validator(SecurityProperties properties) {
    return new DelegatingOAuth2TokenValidator<>(
        List.of(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuerUri()),
            audience(properties.audience()),
            platformClient(properties.clients()),
            secondFactor(properties.secondFactors())));
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    OAuth2Error wrongAudience =
        new OAuth2Error("invalid_token", "the token is not addressed to " + audience, null);
    return jwt -> {
      List<String> aud = jwt.getAudience();
      return aud != null && aud.contains(audience)
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(wrongAudience);
    };
  }

  /**
   * The audience says whom a token is for; {@code azp} says which client obtained it. Any client of
   * the realm can be given the APIs' audience (a mapper, a default scope); only the platform's own
   * clients run the login flow the platform relies on.
   */
  private static OAuth2TokenValidator<Jwt> platformClient(List<String> clients) {
    OAuth2Error foreignClient =
        new OAuth2Error(
            "invalid_token", "the token was not issued to a client of the platform", null);
    return jwt -> {
      String azp = jwt.getClaimAsString("azp");
      return azp != null && clients.contains(azp)
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(foreignClient);
    };
  }

  /**
   * Exporters may sign in with a password alone; everyone else must show a second factor among the
   * token's authentication methods. Fails closed: a token that does not show an exporter and
   * nothing more (no realm roles, a staff role, or any group beside the exporters') needs one.
   */
  private static OAuth2TokenValidator<Jwt> secondFactor(Set<String> secondFactors) {
    OAuth2Error passwordOnly =
        new OAuth2Error(
            INSUFFICIENT_AUTHENTICATION,
            "a second factor is required: only an exporter may sign in with a password alone",
            null);
    return jwt -> {
      List<String> amr = jwt.getClaimAsStringList("amr");
      if (amr != null && amr.stream().anyMatch(secondFactors::contains)) {
        return OAuth2TokenValidatorResult.success();
      }
      return exporterOnly(jwt)
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(passwordOnly);
    };
  }

  private static boolean exporterOnly(Jwt jwt) {
    List<String> roles = realmRoles(jwt);
    List<String> groups = jwt.getClaimAsStringList("groups");
    return roles.contains(EXPORTER_ROLE)
        && roles.stream().noneMatch(STAFF_ROLES::contains)
        && (groups == null || groups.stream().allMatch(("/" + RealmGroups.EXPORTERS)::equals));
  }

  static List<String> realmRoles(Jwt jwt) {
    Object access = jwt.getClaims().get("realm_access");
    if (access instanceof Map<?, ?> map && map.get("roles") instanceof List<?> roles) {
      return roles.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
