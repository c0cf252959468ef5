package et.coffeeexport.identity.security;

import java.util.List;
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
 * realm, addressed to the APIs' audience, and within its lifetime. Unsigned ({@code alg=none}) and
 * foreign-key tokens fail signature verification before any claim is read.
 */
public final class Tokens {
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
            audience(properties.audience())));
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
}
