package et.coffeeexport.identity;

import java.net.CookieHandler;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cookie jar for one localhost site that, like a browser, sends {@code Secure} cookies to {@code
 * http://localhost} (a secure context for browsers); {@link java.net.CookieManager} never sends
 * them over plain HTTP.
 */
final class LocalhostCookies extends CookieHandler {
  private final Map<String, String> cookies = new LinkedHashMap<>();

  @Override
  public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
    if (cookies.isEmpty() || !"localhost".equals(uri.getHost())) {
      return Map.of();
    }
    return Map.of(
        "Cookie",
        List.of(
            cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "))));
  }

  @Override
  public void put(URI uri, Map<String, List<String>> responseHeaders) {
    responseHeaders.forEach(
        (name, values) -> {
          if ("set-cookie".equalsIgnoreCase(name)) {
            for (String value : values) {
              String pair = value.split(";", 2)[0];
              int eq = pair.indexOf('=');
              String cookie = pair.substring(0, eq).trim();
              String content = pair.substring(eq + 1).trim();
              if (content.isEmpty() || value.contains("Max-Age=0")) {
                cookies.remove(cookie);
              } else {
                cookies.put(cookie, content);
              }
            }
          }
        });
  }
}
