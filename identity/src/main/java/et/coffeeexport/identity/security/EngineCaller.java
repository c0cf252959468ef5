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

  /** The engine's administrators: the identity plugin's administrator group. */
  static final String ADMINISTRATORS = "camunda-admin";

  static final String EXPORTERS = "exporters";
  static final String EXPORTER_ROLE = "exporter";

  EngineCaller {
    groups = groups.stream().map(EngineCaller::groupName).collect(Collectors.toUnmodifiableSet());
    roles = Set.copyOf(roles);
  }

  boolean isAdministrator() {
    return groups.contains(ADMINISTRATORS);
  }

  boolean isExporter() {
    return roles.contains(EXPORTER_ROLE) || groups.contains(EXPORTERS);
  }

  /** {@code /exporters} and {@code exporters} are the same top-level group. */
  static String groupName(String group) {
    return group.startsWith("/") ? group.substring(1) : group;
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
