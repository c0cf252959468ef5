package et.coffeeexport.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the token's user and groups the engine's authenticated user for the request, so the
 * engine's authorizations (not the URL) decide what an officer may see and do.
 */
final class EngineAuthentication extends OncePerRequestFilter {
  private final IdentityService identityService;

  EngineAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken token)) {
      chain.doFilter(request, response);
      return;
    }
    try {
      identityService.setAuthentication(userId(token), groups(token));
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Camunda's user ids are Keycloak usernames (the plugin's useUsernameAsCamundaUserId). */
  static String userId(JwtAuthenticationToken token) {
    String username = token.getToken().getClaimAsString("preferred_username");
    return username != null ? username : token.getName();
  }

  /**
   * The engine groups of the token's groups, which the realm gives by full path; a path the
   * platform does not know (a group called {@code ecta} under another group) grants nothing.
   */
  static List<String> groups(JwtAuthenticationToken token) {
    return RealmGroups.engineGroups(token.getToken().getClaimAsStringList("groups"));
  }
}
