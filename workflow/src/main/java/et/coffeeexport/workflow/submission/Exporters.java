package et.coffeeexport.workflow.submission;

import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Only exporters use the submission API: the realm role {@code exporter} in the token. */
final class Exporters {
  private Exporters() {}

  static void require(JwtAuthenticationToken token) {
    Object access = token.getToken().getClaims().get("realm_access");
    List<?> roles =
        access instanceof java.util.Map<?, ?> m && m.get("roles") instanceof List<?> r
            ? r
            : List.of();
    if (!roles.contains("exporter")) {
      throw new AccessDeniedException("the submission API is for exporters");
    }
  }

  static String username(JwtAuthenticationToken token) {
    return token.getToken().getClaimAsString("preferred_username");
  }
}
