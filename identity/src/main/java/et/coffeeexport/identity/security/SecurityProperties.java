package et.coffeeexport.identity.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the application checks tokens and web sessions: the realm's issuer, the audience the APIs
 * answer to, the platform's own clients (a token's {@code azp} must be one of them: any other
 * client of the realm, even one given the APIs' audience, is refused), the authentication methods
 * ({@code amr}) that count as a second factor, how much clock difference with Keycloak is
 * tolerated, and how long a web session lives at most after the person authenticated, however
 * active (the idle timeout is the servlet container's, {@code server.servlet.session.timeout}).
 */
@ConfigurationProperties("coffee-export.security")
public record SecurityProperties(
    String issuerUri,
    String audience,
    Duration clockSkew,
    List<String> clients,
    Set<String> secondFactors,
    Duration webSessionMaxLifetime) {
  static final List<String> PLATFORM_CLIENTS = List.of("coffee-export-webapp", "coffee-export-cli");

  // One constructor only: Spring Boot binds a record through its constructor when it is the only
  // one.
  public SecurityProperties {
    if (issuerUri == null || audience == null) {
      throw new IllegalArgumentException(
          "coffee-export.security.issuer-uri and .audience must be set");
    }
    clockSkew = clockSkew == null ? Duration.ofSeconds(10) : clockSkew;
    clients = clients == null || clients.isEmpty() ? PLATFORM_CLIENTS : List.copyOf(clients);
    // The reference values the realm's flow executions give (identity/realm): TOTP is "otp".
    secondFactors =
        secondFactors == null || secondFactors.isEmpty()
            ? Set.of("otp")
            : Set.copyOf(secondFactors);
    webSessionMaxLifetime =
        webSessionMaxLifetime == null ? Duration.ofHours(10) : webSessionMaxLifetime;
    if (webSessionMaxLifetime.isNegative() || webSessionMaxLifetime.isZero()) {
      throw new IllegalArgumentException("coffee-export.security.web-session-max-lifetime > 0");
    }
  }
}
