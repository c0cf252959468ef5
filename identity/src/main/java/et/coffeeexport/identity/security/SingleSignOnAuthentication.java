package et.coffeeexport.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Tells Camunda's webapps who signed in through Keycloak: the username, and the groups the engine
 * resolves for them through the Keycloak identity provider (so authorizations apply as everywhere
 * else in the engine). Instantiated by Camunda's filter, hence public.
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
    List<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    result.setGroups(groups);
    return result;
  }
}
