package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.identity.KeycloakAdmin;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a token and a web session must show beyond being genuine, against the running application
 * and Keycloak, with throwaway users and groups made for the test: a second factor for anyone who
 * reaches an organisation's work, groups recognised by full path, and a web session that ends when
 * its Keycloak session does.
 */
class TokenAssuranceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI APP = URI.create("http://localhost:8080");
  private static final URI TASKLIST = APP.resolve("/camunda/app/tasklist/default/");
  private static final URI WHO_AM_I = APP.resolve("/camunda/api/admin/auth/user/default");
  private static final String KEY = "TokenGroupProbe";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final List<String> USERS = new ArrayList<>();
  private static final List<String> GROUPS = new ArrayList<>();
  private static KeycloakAdmin admin;

  @BeforeAll
  static void platformRuns() throws Exception {
    Workflow.requireRunning();
    admin = new KeycloakAdmin(new RealmLogin().secret("keycloak-admin"));
  }

  @AfterAll
  static void removeTheThrowaways() throws Exception {
    for (String user : USERS) {
      admin.deleteUser(user);
    }
    for (String group : GROUPS) {
      admin.deleteGroup(group);
    }
  }

  @Test
  void aMemberOfEctaWhoSignedInWithAPasswordOnlyIsRefusedByTheApiAndTheWebapps() throws Exception {
    // Keycloak asks no second factor of an exporter; the group alone would give ECTA's tasks.
    String username = "it.pwonly." + RUN;
    String password = "Correct-Horse-" + RUN + "-" + System.nanoTime();
    USERS.add(admin.createUser(username, password, "ecta", "exporter"));

    String token = RealmLogin.cli().signIn(username, password, "");
    JsonNode claims = RealmLogin.claims(token);
    assertThat(claims.path("amr").toString()).isEqualTo("[\"pwd\"]");
    assertThat(claims.path("groups").toString()).contains("\"/ecta\"");
    assertThat(claims.path("azp").asText()).isEqualTo("coffee-export-cli");

    var response = Workflow.get("task", token);
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("insufficient_user_authentication");
    assertThat(response.body()).contains("second factor");

    RealmLogin browser = new RealmLogin();
    browser.startAt(TASKLIST).submit(Map.of("username", username, "password", password));
    assertThat(browser.asksForOneTimeCode()).as(browser.describe()).isFalse();
    var page = browser.followToApp();
    assertThat(page.request().uri().getPath())
        .as("the sign-in is refused, not sent on to Tasklist")
        .doesNotStartWith("/camunda/app/tasklist");
    assertThat(browser.get(WHO_AM_I).statusCode()).as("no web session").isNotEqualTo(200);
  }

  @Test
  void aSubgroupCalledEctaUnderAnotherGroupGrantsNothingOfEcta() throws Exception {
    String parent = admin.createGroup(null, "it-partners-" + RUN);
    GROUPS.add(parent);
    admin.createGroup(parent, "ecta");
    String username = "it.subgroup." + RUN;
    String password = "Correct-Horse-" + RUN + "-" + System.nanoTime();
    String totp = totpSecret();
    USERS.add(
        admin.createUserWithTotp(
            username,
            password,
            totp,
            List.of("/it-partners-" + RUN + "/ecta"),
            List.of("officer")));

    String forged = RealmLogin.cli().signIn(username, password, totp);
    JsonNode claims = RealmLogin.claims(forged);
    assertThat(claims.path("groups").toString()).isEqualTo("[\"/it-partners-" + RUN + "/ecta\"]");
    assertThat(claims.path("amr").toString()).as("a genuine officer's sign-in").contains("otp");

    String task = startAnEctaTask();
    String ectaOfficer = RealmLogin.accessToken("ecta.officer");
    assertThat(tasks(ectaOfficer, task)).as("ECTA's own officer sees it").hasSize(1);

    assertThat(tasks(forged, task)).as("not in the forged member's list").isEmpty();
    assertThat(Workflow.get("task/" + task, forged).statusCode()).isIn(403, 404);
    assertThat(
            Workflow.call(
                    "POST", "task/" + task + "/claim", forged, "{\"userId\":\"" + username + "\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(tasklistAccess(forged)).as("no Tasklist for the forged member").isFalse();
    assertThat(tasklistAccess(ectaOfficer)).isTrue();

    RealmLogin browser = new RealmLogin();
    browser
        .startAt(TASKLIST)
        .submit(Map.of("username", username, "password", password))
        .submitTotp(totp);
    browser.followToApp();
    var me = browser.get(WHO_AM_I);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"" + username + "\"").doesNotContain("tasklist");
  }

  @Test
  void aKeycloakSignOutEndsTheWebSession() throws Exception {
    String username = "it.signout." + RUN;
    String password = "Correct-Horse-" + RUN + "-" + System.nanoTime();
    String totp = totpSecret();
    String id =
        admin.createUserWithTotp(username, password, totp, List.of("/ecx"), List.of("officer"));
    USERS.add(id);

    RealmLogin browser = new RealmLogin();
    browser
        .startAt(TASKLIST)
        .submit(Map.of("username", username, "password", password))
        .submitTotp(totp);
    assertThat(browser.followToApp().statusCode()).isEqualTo(200);
    assertThat(browser.get(WHO_AM_I).body()).contains("\"userId\":\"" + username + "\"");

    // What an administrator's "sign out" and the person's own sign-out at Keycloak both do: end
    // the Keycloak session, which tells the application over the back channel.
    admin.logout(id);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    int status = browser.get(WHO_AM_I).statusCode();
    while (status == 200 && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      status = browser.get(WHO_AM_I).statusCode();
    }
    assertThat(status).as("the web session is gone").isNotEqualTo(200);
    var tasklist = browser.get(TASKLIST);
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location").orElse(""))
        .as("back to sign-in")
        .contains("/oauth2/authorization/");
    browser.startAt(TASKLIST);
    assertThat(browser.last.body())
        .as("Keycloak asks for the password again: its session is gone too")
        .contains("name=\"password\"");
  }

  private static String totpSecret() {
    var random = new SecureRandom();
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    var secret = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return secret.toString();
  }

  private static JsonNode tasks(String token, String taskId) throws Exception {
    var response = Workflow.get("task?taskId=" + taskId, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static boolean tasklistAccess(String token) throws Exception {
    var response =
        Workflow.get(
            "authorization/check?permissionName=ACCESS&resourceName=application&resourceType=0"
                + "&resourceId=tasklist",
            token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).path("authorized").asBoolean();
  }

  /** A probe process whose one task is ECTA's (candidate group {@code ecta}); returns its id. */
  private static String startAnEctaTask() throws Exception {
    String platformAdmin = RealmLogin.accessToken("admin");
    var deployed = Workflow.deployProbe(platformAdmin, KEY, "ReviewAtEcta", "ecta");
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    var started =
        Workflow.call(
            "POST",
            "process-definition/key/" + KEY + "/start",
            platformAdmin,
            "{\"businessKey\":\"probe-" + UUID.randomUUID() + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instance = JSON.readTree(started.body()).get("id").asText();
    JsonNode tasks =
        JSON.readTree(Workflow.get("task?processInstanceId=" + instance, platformAdmin).body());
    assertThat(tasks).hasSize(1);
    return tasks.get(0).get("id").asText();
  }
}
