package et.coffeeexport.identity.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the application checks tokens: the realm's issuer, the audience the APIs answer to, and how
 * much clock difference with Keycloak is tolerated.
 */
@ConfigurationProperties("coffee-export.security")
public record SecurityProperties(String issuerUri, String audience, Duration clockSkew) {
  public SecurityProperties {
    if (issuerUri == null || audience == null) {
      throw new IllegalArgumentException(
          "coffee-export.security.issuer-uri and .audience must be set");
    }
    clockSkew = clockSkew == null ? Duration.ofSeconds(10) : clockSkew;
  }
}
