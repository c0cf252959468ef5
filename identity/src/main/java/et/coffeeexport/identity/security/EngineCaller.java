package et.coffeeexport.identity.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who calls the engine: the user id the engine knows them by, their groups and (with a token) their
 * realm roles. Groups are compared by name, with or without Keycloak's leading slash, so the checks
 * hold whether groups arrive as names or as full paths.
 */
record EngineCaller(String userId, Set<String> groups, Set<String> roles) {

  static final String EXPORTER_ROLE = "exporter";

  EngineCaller {
    groups = Set.copyOf(groups);
    roles = Set.copyOf(roles);
  }

  /** The engine's administrators: the identity plugin's administrator group. */
  boolean isAdministrator() {
    return groups.contains(RealmGroups.CAMUNDA_ADMIN);
  }

  /** An exporter by realm role or by group, even one who also holds another group. */
  boolean isExporter() {
    return roles.contains(EXPORTER_ROLE) || groups.contains(RealmGroups.EXPORTERS);
  }

  static EngineCaller of(JwtAuthenticationToken token) {
    Object access = token.getToken().getClaims().get("realm_access");
    Set<String> roles =
        access instanceof Map<?, ?> m && m.get("roles") instanceof List<?> r
            ? r.stream().map(String::valueOf).collect(Collectors.toSet())
            : Set.of();
    return new EngineCaller(
        EngineAuthentication.userId(token), Set.copyOf(EngineAuthentication.groups(token)), roles);
  }
}
