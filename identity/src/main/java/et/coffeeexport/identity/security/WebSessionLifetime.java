package et.coffeeexport.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a web session a fixed time after the person authenticated at Keycloak ({@code auth_time}),
 * however active it is: the idle timeout alone would keep a busy session, or one a script keeps
 * alive, open for ever. The request then goes on unauthenticated, so the application sends the
 * browser to Keycloak, which (asked with the same {@code max_age}) makes the person sign in again
 * rather than reusing its own older session.
 */
final class WebSessionLifetime extends OncePerRequestFilter {
  private final Duration maxLifetime;
  private final Clock clock;

  WebSessionLifetime(Duration maxLifetime, Clock clock) {
    this.maxLifetime = maxLifetime;
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (over(SecurityContextHolder.getContext().getAuthentication())) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  /** Whether this web session's sign-in is older than a web session may live. */
  boolean over(Authentication authentication) {
    return authenticatedAt(authentication)
        .map(at -> clock.instant().isAfter(at.plus(maxLifetime)))
        .orElse(false);
  }

  /** When the person behind this web session last authenticated at Keycloak. */
  static Optional<Instant> authenticatedAt(Authentication authentication) {
    if (authentication instanceof OAuth2AuthenticationToken token
        && token.getPrincipal() instanceof OidcUser user) {
      // auth_time is in every ID token of the realm; the ID token's issue time is later, so a
      // session without it only ends later, never earlier.
      return Optional.ofNullable(
          user.getAuthenticatedAt() != null ? user.getAuthenticatedAt() : user.getIssuedAt());
    }
    return Optional.empty();
  }
}
