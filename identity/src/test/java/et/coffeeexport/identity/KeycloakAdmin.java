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

  /**
   * Creates an enabled user with a password, in {@code group} with realm role {@code role}; returns
   * its id.
   */
  String createUser(String username, String password, String group, String role) throws Exception {
    String user =
        JSON.createObjectNode()
            .put("username", username)
            .put("enabled", true)
            .put("firstName", "New")
            .put("lastName", "Officer")
            .put("email", username + "@coffee-export.local")
            .put("emailVerified", true)
            .set("groups", JSON.createArrayNode().add(group))
            .toString();
    send("POST", "/admin/realms/coffee-export/users", user);
    String id = userId(username);
    send(
        "PUT",
        "/admin/realms/coffee-export/users/" + id + "/reset-password",
        JSON.createObjectNode()
            .put("type", "password")
            .put("value", password)
            .put("temporary", false)
            .toString());
    JsonNode roleRepresentation = get("/admin/realms/coffee-export/roles/" + role);
    send(
        "POST",
        "/admin/realms/coffee-export/users/" + id + "/role-mappings/realm",
        "[" + roleRepresentation + "]");
    return id;
  }

  void deleteUser(String userId) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/coffee-export/users/" + userId))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private void send(String method, String path, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
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
