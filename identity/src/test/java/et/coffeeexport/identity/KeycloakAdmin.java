package et.coffeeexport.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Keycloak's admin REST API for the realm, as the master realm's bootstrap administrator. */
final class KeycloakAdmin {
  private static final String BASE = "http://localhost:8180";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String token;

  KeycloakAdmin(String adminPassword) throws Exception {
    String form =
        "grant_type=password&client_id=admin-cli&username=admin&password="
            + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(BASE + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    this.token = JSON.readTree(r.body()).get("access_token").asText();
  }

  String userId(String username) throws Exception {
    return get("/admin/realms/coffee-export/users?exact=true&username=" + username)
        .get(0)
        .get("id")
        .asText();
  }

  JsonNode lockout(String userId) throws Exception {
    return get("/admin/realms/coffee-export/attack-detection/brute-force/users/" + userId);
  }

  void clearLockout(String userId) throws Exception {
    http.send(
        HttpRequest.newBuilder(
                URI.create(
                    BASE
                        + "/admin/realms/coffee-export/attack-detection/brute-force/users/"
                        + userId))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
