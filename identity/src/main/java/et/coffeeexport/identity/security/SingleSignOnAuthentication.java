package et.coffeeexport.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tells Camunda's webapps who signed in through Keycloak: the username, and the groups the engine
 * resolves for them through the Keycloak identity provider (so authorizations apply as everywhere
 * else in the engine), recognised by full path ({@link RealmGroups}). Instantiated by Camunda's
 * filter, hence public.
 */
public class SingleSignOnAuthentication extends ContainerBasedAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(
      HttpServletRequest request, ProcessEngine engine) {
    Principal principal = request.getUserPrincipal();
    if (!(principal instanceof OAuth2AuthenticationToken token)) {
      return AuthenticationResult.unsuccessful();
    }
    String userId = token.getPrincipal().getAttribute("preferred_username");
    if (userId == null || userId.isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    AuthenticationResult result = AuthenticationResult.successful(userId);
    // The identity plugin names a group by its path without the leading slash
    // (use-group-path-as-camunda-group-id): back to the full path, then through the platform's
    // table, so a subgroup that merely shares an organisation's name grants nothing.
    List<String> groups =
        RealmGroups.engineGroups(
            engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(g -> "/" + g.getId())
                .toList());
    result.setGroups(groups);
    return result;
  }
}
