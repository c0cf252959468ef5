package et.coffeeexport.workflow.documents;

import java.security.Principal;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/** Who the forms API is talking to: the username of the officer's web session. */
final class SignedIn {
  private SignedIn() {}

  /** The signed-in person's username (Keycloak's {@code preferred_username}), or null. */
  static String username(Principal principal) {
    if (principal == null) {
      return null;
    }
    return principal instanceof OAuth2AuthenticationToken token
        ? token.getPrincipal().getAttribute("preferred_username")
        : principal.getName();
  }
}
