package et.coffeeexport.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The realm as code gives the application what its checks rely on: full group paths and the
 * authentication methods in the platform clients' tokens, a reference value on every password and
 * TOTP step of the login flow (valid as long as a Keycloak session can live, or a long session's
 * refreshed tokens would lose the evidence), the webapp's back-channel logout, and only groups the
 * application's table knows.
 */
class RealmTokensTest {
  private static final JsonNode REALM = realm();

  @Test
  void thePlatformsClientsPutFullGroupPathsAndAuthenticationMethodsInTheirTokens() {
    for (String clientId : SecurityProperties.PLATFORM_CLIENTS) {
      JsonNode mappers = client(clientId).path("protocolMappers");
      JsonNode groups = mapper(mappers, "oidc-group-membership-mapper");
      assertThat(groups.path("config").path("full.path").asText()).as(clientId).isEqualTo("true");
      assertThat(groups.path("config").path("claim.name").asText()).isEqualTo("groups");
      JsonNode amr = mapper(mappers, "oidc-amr-mapper");
      assertThat(amr.path("config").path("access.token.claim").asText())
          .as(clientId)
          .isEqualTo("true");
      assertThat(amr.path("config").path("id.token.claim").asText()).isEqualTo("true");
    }
  }

  @Test
  void everyPasswordAndTotpStepOfTheLoginFlowsNamesItsMethodForAsLongAsASessionLives() {
    Map<String, String> expected =
        Map.of("auth-username-password-form", "pwd", "auth-otp-form", "otp");
    List<String> seen = new ArrayList<>();
    for (JsonNode flow : REALM.path("authenticationFlows")) {
      for (JsonNode execution : flow.path("authenticationExecutions")) {
        String authenticator = execution.path("authenticator").asText();
        if (!expected.containsKey(authenticator)) {
          continue;
        }
        JsonNode config = authenticatorConfig(execution.path("authenticatorConfig").asText());
        assertThat(config.path("default.reference.value").asText())
            .as(flow.path("alias").asText() + " / " + authenticator)
            .isEqualTo(expected.get(authenticator));
        assertThat(config.path("default.reference.maxAge").asInt())
            .isGreaterThanOrEqualTo(REALM.path("ssoSessionMaxLifespan").asInt());
        seen.add(authenticator);
      }
    }
    assertThat(seen).contains("auth-username-password-form", "auth-otp-form");
    assertThat(new SecurityProperties("i", "a", null, null, null, null).secondFactors())
        .contains("otp");
  }

  @Test
  void everyStaffRoleImpliesTheRoleTheLoginFlowAsksTheSecondFactorOf() {
    // The flow's conditions test one role each: an exporter who is also staff is asked for TOTP
    // through this one role, whichever staff roles they hold.
    for (JsonNode role : REALM.path("roles").path("realm")) {
      String name = role.path("name").asText();
      if (Tokens.STAFF_ROLES.contains(name) && !name.equals("second-factor")) {
        assertThat(role.path("composites").path("realm").toString())
            .as(name)
            .contains("\"second-factor\"");
      }
    }
    var conditions = new ArrayList<String>();
    for (JsonNode config : REALM.path("authenticatorConfig")) {
      if (config.path("config").has("condUserRole")) {
        conditions.add(
            config.path("config").path("condUserRole").asText()
                + (config.path("config").path("negate").asBoolean() ? " negated" : ""));
      }
    }
    assertThat(conditions).contains("second-factor", "second-factor negated", "exporter negated");
  }

  @Test
  void theWebappClientSignsOutTheApplicationsSessionOverTheBackChannel() {
    JsonNode webapp = client("coffee-export-webapp");
    assertThat(webapp.path("attributes").path("backchannel.logout.url").asText())
        .isEqualTo(
            "http://localhost:8080"
                + WebAppSecurity.BACK_CHANNEL_LOGOUT.replace("{registrationId}", "keycloak"));
    assertThat(webapp.path("attributes").path("backchannel.logout.session.required").asText())
        .as("the logout token carries the session id the application finds its session by")
        .isEqualTo("true");
  }

  @Test
  void theRealmsGroupsAreExactlyTheTablesTopLevelPaths() {
    Set<String> paths = new TreeSet<>();
    for (JsonNode group : REALM.path("groups")) {
      paths.add("/" + group.path("name").asText());
      assertThat(group.path("subGroups")).as(group.path("name").asText()).isEmpty();
    }
    for (String path : paths) {
      assertThat(RealmGroups.engineGroup(path)).as(path).isPresent();
    }
    assertThat(paths).hasSameSizeAs(RealmGroups.all());
  }

  private static JsonNode client(String clientId) {
    for (JsonNode client : REALM.path("clients")) {
      if (client.path("clientId").asText().equals(clientId)) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId);
  }

  private static JsonNode mapper(JsonNode mappers, String type) {
    for (JsonNode mapper : mappers) {
      if (mapper.path("protocolMapper").asText().equals(type)) {
        return mapper;
      }
    }
    throw new AssertionError("no " + type + " mapper");
  }

  private static JsonNode authenticatorConfig(String alias) {
    for (JsonNode config : REALM.path("authenticatorConfig")) {
      if (config.path("alias").asText().equals(alias)) {
        return config.path("config");
      }
    }
    throw new AssertionError("no authenticator config '" + alias + "'");
  }

  private static JsonNode realm() {
    try {
      return new ObjectMapper().readTree(Path.of("realm/coffee-export-realm.json").toFile());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
