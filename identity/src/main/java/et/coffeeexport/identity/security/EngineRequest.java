package et.coffeeexport.identity.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A request to one of the engine's HTTP surfaces, reduced to what the guard decides on: which
 * surface, the HTTP method and the path below the engine's root as segments. {@code
 * /engine-rest/task/1/claim}, {@code /engine-rest/engine/default/task/1/claim} and {@code
 * /camunda/api/engine/engine/default/task/1/claim} are the same engine call, so they reduce to the
 * same segments; the webapps' own plugin APIs keep their application's name as the first segment.
 */
record EngineRequest(Surface surface, String method, List<String> segments) {

  enum Surface {
    /** {@code /engine-rest/**}, bearer tokens. */
    ENGINE_REST,
    /** {@code /camunda/api/engine/**}, the webapps' session. */
    WEBAPP_ENGINE,
    /** {@code /camunda/api/{tasklist,cockpit,admin,welcome,…}/**}, the webapps' own APIs. */
    WEBAPP_PLUGIN
  }

  String path() {
    return String.join("/", segments);
  }

  /**
   * The engine request {@code pathWithinApplication} (the request URI without the context path)
   * addresses, or empty when it is none of the guarded surfaces. Throws {@link
   * IllegalArgumentException} for a path a matcher could read differently from Jersey (dot
   * segments, empty segments, matrix parameters, backslashes, encoded slashes).
   */
  static Optional<EngineRequest> of(String method, String pathWithinApplication) {
    String raw = pathWithinApplication;
    if (raw.contains(";") || raw.contains("\\") || raw.toLowerCase().contains("%2f")) {
      throw new IllegalArgumentException("unusual path");
    }
    String path = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    if (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    Surface surface;
    String rest;
    if (path.equals("/engine-rest") || path.startsWith("/engine-rest/")) {
      surface = Surface.ENGINE_REST;
      rest = path.substring("/engine-rest".length());
    } else if (path.equals("/camunda/api/engine") || path.startsWith("/camunda/api/engine/")) {
      surface = Surface.WEBAPP_ENGINE;
      rest = path.substring("/camunda/api/engine".length());
    } else if (path.startsWith("/camunda/api/")) {
      surface = Surface.WEBAPP_PLUGIN;
      rest = path.substring("/camunda/api".length());
    } else {
      return Optional.empty();
    }
    List<String> segments = rest.isEmpty() ? List.of() : List.of(rest.substring(1).split("/", -1));
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("unusual path");
      }
    }
    // The REST API serves every resource also below engine/{name}/ (the named engine); the
    // webapps' engine API serves them only there. The list of engines itself is "engine".
    if (surface != Surface.WEBAPP_PLUGIN
        && segments.size() >= 2
        && segments.get(0).equals("engine")) {
      segments = segments.subList(2, segments.size());
    }
    return Optional.of(new EngineRequest(surface, method.toUpperCase(), List.copyOf(segments)));
  }
}
