package et.coffeeexport.identity.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The realm's users through Keycloak's admin API, as the service account of the Camunda identity
 * client (realm-management: view-users, query-users, query-groups). Never cached: whether someone
 * may sign is decided on what Keycloak says now.
 */
public final class KeycloakDirectory implements UserDirectory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ROLE_PRECEDENCE =
      List.of("supervisor", "officer", "exporter", "admin", "analyst");

  private final URI realmUrl;
  private final URI adminUrl;
  private final String clientId;
  private final String clientSecret;
  private final Duration deadline;
  private final HttpClient http;
  private String token;
  private final java.util.Map<String, String> ids = new java.util.concurrent.ConcurrentHashMap<>();
  private Instant tokenExpires = Instant.MIN;

  /**
   * @param keycloakUrl for instance {@code http://127.0.0.1:8180}
   */
  public KeycloakDirectory(
      URI keycloakUrl, String realm, String clientId, String clientSecret, Duration deadline) {
    this.realmUrl = keycloakUrl.resolve("/realms/" + realm + "/");
    this.adminUrl = keycloakUrl.resolve("/admin/realms/" + realm + "/");
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.deadline = deadline;
    this.http = HttpClient.newBuilder().connectTimeout(deadline).build();
  }

  /**
   * The account as Keycloak has it now: the user (enabled, attributes), their groups and realm
   * roles, asked for together (three requests in parallel, so one round trip's time).
   */
  @Override
  public Optional<UserAccount> find(String userId) {
    return join(findAsync(userId));
  }

  /**
   * The same lookup without waiting for it: a signing overlaps it with the peers' endorsement (see
   * {@link LedgerIdentities#signing}).
   */
  @Override
  public java.util.concurrent.CompletableFuture<Optional<UserAccount>> findAsync(String userId) {
    if (!userId.matches("[0-9a-fA-F-]{36}")) {
      return java.util.concurrent.CompletableFuture.completedFuture(Optional.empty());
    }
    String bearer = "Bearer " + token();
    var userRequest = getAsync("users/" + userId, bearer);
    var groupsRequest = getAsync("users/" + userId + "/groups?briefRepresentation=true", bearer);
    var rolesRequest = getAsync("users/" + userId + "/role-mappings/realm", bearer);
    return java.util.concurrent.CompletableFuture.allOf(userRequest, groupsRequest, rolesRequest)
        .thenApply(
            done -> account(userId, userRequest.join(), groupsRequest.join(), rolesRequest.join()));
  }

  private static Optional<UserAccount> account(
      String userId,
      Optional<JsonNode> user,
      Optional<JsonNode> groups,
      Optional<JsonNode> realmRoles) {
    if (user.isEmpty() || groups.isEmpty() || realmRoles.isEmpty()) {
      return Optional.empty();
    }
    JsonNode u = user.get();
    String group = null;
    for (JsonNode g : groups.get()) {
      // By full path: a subgroup that shares an organisation's name (/exporters/ecta) is not it.
      String path = g.path("path").asText();
      String name = path.startsWith("/") ? path.substring(1) : "";
      if (Organisations.networkOrgOf(name).isPresent()) {
        group = name;
        break;
      }
    }
    Set<String> roles = new java.util.HashSet<>();
    realmRoles.get().forEach(r -> roles.add(r.path("name").asText()));
    String role = ROLE_PRECEDENCE.stream().filter(roles::contains).findFirst().orElse("none");
    JsonNode exporterId = u.path("attributes").path("exporterId").path(0);
    return Optional.of(
        new UserAccount(
            userId,
            u.path("username").asText(),
            u.path("enabled").asBoolean(false),
            group == null ? "none" : group,
            role,
            exporterId.isMissingNode() ? Optional.empty() : Optional.of(exporterId.asText())));
  }

  @Override
  public Optional<Boolean> enabled(String userId) {
    if (!userId.matches("[0-9a-fA-F-]{36}")) {
      return Optional.empty();
    }
    return get("users/" + userId + "?briefRepresentation=true")
        .map(u -> u.path("enabled").asBoolean(false));
  }

  @Override
  public Optional<String> idOf(String username) {
    String known = ids.get(username);
    if (known != null) {
      return Optional.of(known);
    }
    JsonNode found =
        get("users?exact=true&briefRepresentation=true&username="
                + java.net.URLEncoder.encode(username, StandardCharsets.UTF_8))
            .orElseThrow();
    if (found.size() != 1) {
      return Optional.empty();
    }
    String id = found.get(0).path("id").asText();
    ids.put(username, id);
    return Optional.of(id);
  }

  @Override
  public void forget(String username) {
    ids.remove(username);
  }

  @Override
  public List<String> disabledUserIds() {
    List<String> ids = new ArrayList<>();
    int first = 0;
    while (true) {
      JsonNode page =
          get("users?enabled=false&briefRepresentation=true&max=100&first=" + first).orElseThrow();
      page.forEach(u -> ids.add(u.path("id").asText()));
      if (page.size() < 100) {
        return ids;
      }
      first += 100;
    }
  }

  @Override
  public Set<String> membersOf(String group) {
    Optional<JsonNode> found =
        get("group-by-path/" + URLEncoder.encode(group, StandardCharsets.UTF_8));
    if (found.isEmpty()) {
      return Set.of();
    }
    String groupId = found.get().path("id").asText();
    Set<String> members = new java.util.HashSet<>();
    for (int first = 0; ; first += 100) {
      JsonNode page =
          get("groups/" + groupId + "/members?briefRepresentation=true&max=100&first=" + first)
              .orElseThrow();
      page.forEach(u -> members.add(u.path("id").asText()));
      if (page.size() < 100) {
        return members;
      }
    }
  }

  private java.util.concurrent.CompletableFuture<Optional<JsonNode>> getAsync(
      String path, String bearer) {
    HttpRequest request =
        HttpRequest.newBuilder(adminUrl.resolve(path))
            .timeout(deadline)
            .header("Authorization", bearer)
            .build();
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> answer(path, response));
  }

  private <T> T join(java.util.concurrent.CompletableFuture<T> f) {
    try {
      return f.get();
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IllegalStateException refused) {
        throw refused;
      }
      throw new IllegalStateException("Keycloak unreachable at " + adminUrl, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private Optional<JsonNode> get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(adminUrl.resolve(path))
            .timeout(deadline)
            .header("Authorization", "Bearer " + token())
            .build();
    return answer(path, send(request));
  }

  private static Optional<JsonNode> answer(String path, HttpResponse<String> response) {
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak answered " + response.statusCode() + " to " + path + ": " + response.body());
    }
    return Optional.of(read(response.body()));
  }

  private synchronized String token() {
    if (Instant.now().isBefore(tokenExpires)) {
      return token;
    }
    String form =
        "grant_type=client_credentials&client_id="
            + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
            + "&client_secret="
            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(realmUrl.resolve("protocol/openid-connect/token"))
                .timeout(deadline)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Keycloak refused the service account: " + response.body());
    }
    JsonNode answer = read(response.body());
    token = answer.path("access_token").asText();
    // Renew well before expiry so a request never carries a token about to lapse.
    tokenExpires = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 30));
    return token;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak unreachable at " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("Keycloak answered something that is not JSON", e);
    }
  }
}
