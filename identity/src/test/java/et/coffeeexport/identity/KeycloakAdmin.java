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
public final class KeycloakAdmin {
  private static final String BASE = "http://localhost:8180";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String adminPassword;
  private String token;
  private java.time.Instant renewAt = java.time.Instant.MIN;

  public KeycloakAdmin(String adminPassword) throws Exception {
    this.adminPassword = adminPassword;
    token();
  }

  /** The admin token, renewed before the master realm's short lifetime (60 s) runs out. */
  private synchronized String token() throws Exception {
    if (java.time.Instant.now().isBefore(renewAt)) {
      return token;
    }
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
    JsonNode answer = JSON.readTree(r.body());
    token = answer.get("access_token").asText();
    renewAt = java.time.Instant.now().plusSeconds(answer.path("expires_in").asLong(60) / 2);
    return token;
  }

  public String userId(String username) throws Exception {
    return get("/admin/realms/coffee-export/users?exact=true&username=" + username)
        .get(0)
        .get("id")
        .asText();
  }

  /**
   * Creates an enabled user with a password, in {@code group} with realm role {@code role}; returns
   * its id.
   */
  public String createUser(String username, String password, String group, String role)
      throws Exception {
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

  /**
   * Creates an enabled user with a password and a TOTP secret (Keycloak's stored form, as the
   * realm's development users have), in the groups of these full paths, with these realm roles;
   * returns its id.
   */
  public String createUserWithTotp(
      String username,
      String password,
      String totpSecret,
      java.util.List<String> groupPaths,
      java.util.List<String> roles)
      throws Exception {
    var user =
        JSON.createObjectNode()
            .put("username", username)
            .put("enabled", true)
            .put("firstName", "Throwaway")
            .put("lastName", "Officer")
            .put("email", username + "@coffee-export.local")
            .put("emailVerified", true);
    var groups = user.putArray("groups");
    groupPaths.forEach(groups::add);
    var credentials = user.putArray("credentials");
    credentials.addObject().put("type", "password").put("value", password).put("temporary", false);
    credentials
        .addObject()
        .put("type", "otp")
        .put("userLabel", "it")
        .put("secretData", JSON.createObjectNode().put("value", totpSecret).toString())
        .put(
            "credentialData",
            JSON.createObjectNode()
                .put("subType", "totp")
                .put("digits", 6)
                .put("counter", 0)
                .put("period", 30)
                .put("algorithm", "HmacSHA1")
                .toString());
    send("POST", "/admin/realms/coffee-export/users", user.toString());
    String id = userId(username);
    for (String role : roles) {
      addRealmRole(id, role);
    }
    return id;
  }

  /** Gives the user realm role {@code role}. */
  public void addRealmRole(String userId, String role) throws Exception {
    JsonNode roleRepresentation = get("/admin/realms/coffee-export/roles/" + role);
    send(
        "POST",
        "/admin/realms/coffee-export/users/" + userId + "/role-mappings/realm",
        "[" + roleRepresentation + "]");
  }

  /** Creates a top-level group, or a subgroup when {@code parentId} is given; returns its id. */
  public String createGroup(String parentId, String name) throws Exception {
    String path =
        parentId == null
            ? "/admin/realms/coffee-export/groups"
            : "/admin/realms/coffee-export/groups/" + parentId + "/children";
    send("POST", path, JSON.createObjectNode().put("name", name).toString());
    JsonNode found =
        parentId == null
            ? get(
                "/admin/realms/coffee-export/groups?exact=true&search="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8))
            : get("/admin/realms/coffee-export/groups/" + parentId + "/children");
    for (JsonNode g : found) {
      if (g.path("name").asText().equals(name)) {
        return g.path("id").asText();
      }
    }
    throw new IllegalStateException("group " + name + " not found after creating it");
  }

  public void deleteGroup(String groupId) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/coffee-export/groups/" + groupId))
            .header("Authorization", "Bearer " + token())
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  /** Signs the user out of every Keycloak session, as an administrator's "sign out" does. */
  public void logout(String userId) throws Exception {
    send("POST", "/admin/realms/coffee-export/users/" + userId + "/logout", "{}");
  }

  /**
   * Sets an attribute of a client (by client id); returns the value it had, or "" when it had none
   * (Keycloak removes an attribute set to "", so the return value restores it either way).
   */
  public String setClientAttribute(String clientId, String name, String value) throws Exception {
    var client =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            get("/admin/realms/coffee-export/clients?clientId=" + clientId).get(0);
    var attributes = (com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes");
    JsonNode previous = attributes.get(name);
    attributes.put(name, value);
    send(
        "PUT",
        "/admin/realms/coffee-export/clients/" + client.get("id").asText(),
        client.toString());
    return previous == null || previous.isNull() ? "" : previous.asText();
  }

  public void deleteUser(String userId) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/coffee-export/users/" + userId))
            .header("Authorization", "Bearer " + token())
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private void send(String method, String path, String json) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** The master realm's admin token: a real Keycloak token, but not of the coffee-export realm. */
  public String masterRealmToken() throws Exception {
    return token();
  }

  public void setEnabled(String userId, boolean enabled) throws Exception {
    send(
        "PUT",
        "/admin/realms/coffee-export/users/" + userId,
        JSON.createObjectNode().put("enabled", enabled).toString());
  }

  /** Takes realm role {@code role} from the user. */
  public void removeRealmRole(String userId, String role) throws Exception {
    send(
        "DELETE",
        "/admin/realms/coffee-export/users/" + userId + "/role-mappings/realm",
        "[" + get("/admin/realms/coffee-export/roles/" + role) + "]");
  }

  /** Puts the user in the top-level group {@code group}. */
  public void joinGroup(String userId, String group) throws Exception {
    send("PUT", "/admin/realms/coffee-export/users/" + userId + "/groups/" + groupId(group), "{}");
  }

  /** Takes the user out of the top-level group {@code group}. */
  public void leaveGroup(String userId, String group) throws Exception {
    send(
        "DELETE",
        "/admin/realms/coffee-export/users/" + userId + "/groups/" + groupId(group),
        "{}");
  }

  private String groupId(String name) throws Exception {
    for (JsonNode g :
        get(
            "/admin/realms/coffee-export/groups?exact=true&briefRepresentation=true&search="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))) {
      if (name.equals(g.path("name").asText())) {
        return g.path("id").asText();
      }
    }
    throw new IllegalArgumentException("no group " + name);
  }

  public void setAttribute(String userId, String name, String value) throws Exception {
    // The whole representation back: a partial one would clear the profile's other attributes.
    var user =
        (com.fasterxml.jackson.databind.node.ObjectNode)
            get("/admin/realms/coffee-export/users/" + userId);
    var attributes =
        user.has("attributes")
            ? (com.fasterxml.jackson.databind.node.ObjectNode) user.get("attributes")
            : user.putObject("attributes");
    attributes.putArray(name).add(value);
    send("PUT", "/admin/realms/coffee-export/users/" + userId, user.toString());
  }

  /**
   * A confidential client with only the client-credentials grant, its tokens living {@code
   * lifespanSeconds}, addressed to the APIs' audience or not; returns its internal id.
   */
  public String createServiceClient(
      String clientId, String secret, boolean apiAudience, int lifespanSeconds) throws Exception {
    var client =
        JSON.createObjectNode()
            .put("clientId", clientId)
            .put("secret", secret)
            .put("publicClient", false)
            .put("standardFlowEnabled", false)
            .put("serviceAccountsEnabled", true);
    client.putObject("attributes").put("access.token.lifespan", String.valueOf(lifespanSeconds));
    if (apiAudience) {
      client
          .putArray("protocolMappers")
          .addObject()
          .put("name", "api-audience")
          .put("protocol", "openid-connect")
          .put("protocolMapper", "oidc-audience-mapper")
          .putObject("config")
          .put("included.client.audience", "coffee-export-api")
          .put("access.token.claim", "true");
    }
    send("POST", "/admin/realms/coffee-export/clients", client.toString());
    return get("/admin/realms/coffee-export/clients?clientId=" + clientId)
        .get(0)
        .get("id")
        .asText();
  }

  public void deleteClient(String id) throws Exception {
    http.send(
        HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/coffee-export/clients/" + id))
            .header("Authorization", "Bearer " + token())
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  public JsonNode lockout(String userId) throws Exception {
    return get("/admin/realms/coffee-export/attack-detection/brute-force/users/" + userId);
  }

  public void clearLockout(String userId) throws Exception {
    http.send(
        HttpRequest.newBuilder(
                URI.create(
                    BASE
                        + "/admin/realms/coffee-export/attack-detection/brute-force/users/"
                        + userId))
            .header("Authorization", "Bearer " + token())
            .DELETE()
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + token())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }
}
