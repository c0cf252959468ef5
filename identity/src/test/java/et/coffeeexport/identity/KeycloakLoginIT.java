package et.coffeeexport.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logging in to the workflow application through the real Keycloak started by `network/cec`. */
class KeycloakLoginIT {

  @BeforeAll
  static void keycloakRuns() throws Exception {
    var ready =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:9000/health/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(ready.statusCode()).as("Keycloak is up (network/cec up starts it)").isEqualTo(200);
  }

  @Test
  void kcadmShowsTheRealmOfTheRepository() throws Exception {
    RealmLogin probe = new RealmLogin();
    java.nio.file.Path kcadm = probe.state.resolve("keycloak/bin/kcadm.sh");
    java.nio.file.Path config = java.nio.file.Files.createTempFile("kcadm", ".config");
    try {
      kcadm(
          kcadm,
          "config",
          "credentials",
          "--config",
          config.toString(),
          "--server",
          "http://localhost:8180",
          "--realm",
          "master",
          "--user",
          "admin",
          "--password",
          probe.secret("keycloak-admin"));
      var realm =
          new com.fasterxml.jackson.databind.ObjectMapper()
              .readTree(kcadm(kcadm, "get", "realms/coffee-export", "--config", config.toString()));
      assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
      assertThat(realm.get("ssoSessionMaxLifespan").asInt()).isEqualTo(86400);
      assertThat(realm.get("ssoSessionIdleTimeout").asInt()).isEqualTo(1800);
      assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(300);
      assertThat(realm.get("revokeRefreshToken").asBoolean()).isTrue();
      assertThat(realm.get("passwordPolicy").asText())
          .contains("length(12)")
          .contains("notUsername")
          .contains("passwordHistory");
      String actions =
          kcadm(
              kcadm,
              "get",
              "authentication/required-actions/CONFIGURE_TOTP",
              "-r",
              "coffee-export",
              "--config",
              config.toString());
      assertThat(actions).contains("\"enabled\" : true");
    } finally {
      java.nio.file.Files.deleteIfExists(config);
    }
  }

  private static String kcadm(java.nio.file.Path kcadm, String... args) throws Exception {
    var command = new java.util.ArrayList<String>();
    command.add(kcadm.toString());
    command.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void anOfficerCompletesTheCodeFlowOnlyWithATotpCode() throws Exception {
    RealmLogin login = new RealmLogin();
    String[] officer = login.devUser("ecx.officer");
    login.start().submit(Map.of("username", "ecx.officer", "password", officer[1]));
    assertThat(login.code()).as("no code after the password alone").isEmpty();
    assertThat(login.asksForOneTimeCode()).isTrue();

    login.submitTotp(officer[2]);
    String code =
        login
            .code()
            .orElseThrow(
                () -> new AssertionError("no redirect with a code: " + login.last.statusCode()));
    var tokens = login.tokens(code);
    var claims = RealmLogin.claims(tokens.get("access_token").asText());
    assertThat(claims.get("preferred_username").asText()).isEqualTo("ecx.officer");
    assertThat(claims.get("iss").asText()).isEqualTo("http://localhost:8180/realms/coffee-export");
    assertThat(claims.get("aud").toString()).contains("coffee-export-api");
    assertThat(claims.get("groups").toString()).as("by full path").contains("\"/ecx\"");
    assertThat(claims.get("amr").toString()).contains("\"pwd\"").contains("\"otp\"");
    assertThat(claims.get("azp").asText()).isEqualTo("coffee-export-webapp");
    assertThat(claims.get("sid").asText())
        .as("what back-channel logout finds the session by")
        .isNotEmpty();
    assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(300);
    assertThat(tokens.has("refresh_token")).isTrue();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForAWhile() throws Exception {
    RealmLogin probe = new RealmLogin();
    String[] analyst = probe.devUser("analyst");
    KeycloakAdmin admin = new KeycloakAdmin(probe.secret("keycloak-admin"));
    String id = admin.userId("analyst");
    admin.clearLockout(id);
    try {
      for (int i = 0; i < 5; i++) {
        new RealmLogin()
            .start()
            .submit(Map.of("username", "analyst", "password", "wrong-password-" + i));
      }
      assertThat(admin.lockout(id).get("disabled").asBoolean()).as("temporarily locked").isTrue();
      RealmLogin login =
          new RealmLogin().start().submit(Map.of("username", "analyst", "password", analyst[1]));
      assertThat(login.asksForOneTimeCode())
          .as("even the right password is refused while locked")
          .isFalse();
      assertThat(login.code()).isEmpty();
    } finally {
      admin.clearLockout(id);
    }
  }

  @Test
  void aNewOfficerMustSetUpTotpBeforeGettingIn() throws Exception {
    RealmLogin probe = new RealmLogin();
    KeycloakAdmin admin = new KeycloakAdmin(probe.secret("keycloak-admin"));
    String username = "new.officer." + System.nanoTime();
    String password = "Correct-Horse-" + System.nanoTime();
    String id = admin.createUser(username, password, "ecx", "officer");
    try {
      RealmLogin login =
          new RealmLogin().start().submit(Map.of("username", username, "password", password));
      assertThat(login.code()).as("no code without a second factor").isEmpty();
      assertThat(login.asksToConfigureTotp())
          .as("sent to the authenticator setup, not: %s", login.describe())
          .isTrue();
    } finally {
      admin.deleteUser(id);
    }
  }

  @Test
  void theExporterMayLogInWithoutTotp() throws Exception {
    RealmLogin login = new RealmLogin();
    String[] exporter = login.devUser("exporter");
    login.start().submit(Map.of("username", "exporter", "password", exporter[1]));
    assertThat(login.code()).as("code after the password alone").isPresent();
    var claims = RealmLogin.claims(login.tokens(login.code().get()).get("access_token").asText());
    assertThat(claims.get("amr").toString()).isEqualTo("[\"pwd\"]");
    assertThat(claims.get("groups").toString()).isEqualTo("[\"/exporters\"]");
  }

  @Test
  void anOfficerWhoIsAlsoAnExporterMustGiveTheTotpCodeToo() throws Exception {
    RealmLogin probe = new RealmLogin();
    KeycloakAdmin admin = new KeycloakAdmin(probe.secret("keycloak-admin"));
    String username = "both.officer." + System.nanoTime();
    String password = "Correct-Horse-" + System.nanoTime();
    String totp = "ExporterAndOfficer01";
    String id =
        admin.createUserWithTotp(
            username, password, totp, java.util.List.of("/ecx"), java.util.List.of("officer"));
    try {
      admin.addRealmRole(id, "exporter");
      RealmLogin login =
          new RealmLogin().start().submit(Map.of("username", username, "password", password));
      assertThat(login.code()).as("no code after the password alone").isEmpty();
      assertThat(login.asksForOneTimeCode()).as(login.describe()).isTrue();
      login.submitTotp(totp);
      var claims =
          RealmLogin.claims(
              login
                  .tokens(login.code().orElseThrow(() -> new AssertionError(login.describe())))
                  .get("access_token")
                  .asText());
      assertThat(claims.get("amr").toString()).contains("\"otp\"");
      assertThat(claims.get("realm_access").toString())
          .contains("\"officer\"")
          .contains("\"exporter\"")
          .as("the role the staff roles imply, which the login flow tests")
          .contains("\"second-factor\"");
    } finally {
      admin.deleteUser(id);
    }
  }

  @Test
  void aWrongTotpCodeDoesNotCompleteTheLogin() throws Exception {
    RealmLogin login = new RealmLogin();
    String[] officer = login.devUser("ecta.officer");
    String right = Totp.code(officer[2], Instant.now());
    String wrong = right.equals("000000") ? "111111" : "000000";
    login
        .start()
        .submit(Map.of("username", "ecta.officer", "password", officer[1]))
        .submit(Map.of("otp", wrong));
    assertThat(login.code()).isEmpty();
    assertThat(login.asksForOneTimeCode()).as("asked again").isTrue();
  }
}
