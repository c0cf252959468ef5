package et.coffeeexport.identity.security;

import et.coffeeexport.domain.Organisation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realm's groups, by full path, and the engine group each stands for: the ids the engine's
 * authorizations and the BPMN candidate groups use ({@code ecta}, {@code ecta-supervisors}, ...),
 * which are also what the Keycloak identity plugin makes of these top-level paths
 * (use-group-path-as-camunda-group-id). A group is recognised by its whole path, never by its name:
 * a group called {@code ecta} created under another group ({@code /exporters/ecta}) is not ECTA,
 * and any path not in this table grants nothing.
 */
final class RealmGroups {
  static final String EXPORTERS = "exporters";
  static final String ANALYSTS = "process-analysts";
  static final String CONSORTIUM_ADMINS = "consortium-admins";
  static final String CAMUNDA_ADMIN = "camunda-admin";
  private static final Map<String, String> ENGINE_GROUP_OF_PATH = table();

  private RealmGroups() {}

  private static Map<String, String> table() {
    Map<String, String> table = new LinkedHashMap<>();
    for (Organisation o : Organisation.values()) {
      table.put("/" + o.realmGroup(), o.realmGroup());
      table.put("/" + o.realmGroup() + "-supervisors", o.realmGroup() + "-supervisors");
    }
    for (String g : List.of(EXPORTERS, ANALYSTS, CONSORTIUM_ADMINS, CAMUNDA_ADMIN)) {
      table.put("/" + g, g);
    }
    return Map.copyOf(table);
  }

  /** The engine group of a realm group's full path; empty for any other path. */
  static Optional<String> engineGroup(String fullPath) {
    return Optional.ofNullable(fullPath).map(ENGINE_GROUP_OF_PATH::get);
  }

  /** The engine groups of the paths this table knows; the others are left out. */
  static List<String> engineGroups(Collection<String> fullPaths) {
    return fullPaths == null
        ? List.of()
        : fullPaths.stream().flatMap(p -> engineGroup(p).stream()).distinct().toList();
  }

  /** Every engine group the realm's groups map to. */
  static Collection<String> all() {
    return ENGINE_GROUP_OF_PATH.values();
  }
}
