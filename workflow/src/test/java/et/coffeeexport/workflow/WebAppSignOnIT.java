package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Camunda's webapps through Keycloak single sign-on, against the application `network/cec` runs:
 * the second factor is required, and the session then reaches the apps the user's groups allow.
 */
class WebAppSignOnIT {
  static final URI APP = URI.create("http://localhost:8080");
  static final URI TASKLIST = APP.resolve("/camunda/app/tasklist/default/");
  static final URI WHO_AM_I = APP.resolve("/camunda/api/admin/auth/user/default");

  @BeforeAll
  static void applicationRuns() throws Exception {
    Workflow.requireRunning();
  }

  @Test
  void anOfficerReachesTasklistOnlyAfterTheTotpCode() throws Exception {
    RealmLogin browser = new RealmLogin();
    String[] officer = browser.devUser("ecx.officer");
    browser.startAt(TASKLIST);
    assertThat(browser.last.request().uri().getPort())
        .as("Tasklist sends the browser to Keycloak")
        .isEqualTo(8180);

    browser.submit(Map.of("username", "ecx.officer", "password", officer[1]));
    assertThat(browser.asksForOneTimeCode()).as(browser.describe()).isTrue();
    assertThat(browser.code()).as("no way back to the application without the code").isEmpty();
    assertThat(browser.get(TASKLIST).statusCode())
        .as("the application session is not signed in yet: Tasklist still redirects to login")
        .isEqualTo(302);

    browser.submitTotp(officer[2]);
    var page = browser.followToApp();
    assertThat(page.statusCode()).as(page.request().uri().toString()).isEqualTo(200);
    assertThat(page.request().uri().getPath()).startsWith("/camunda/app/tasklist");
    assertThat(page.body()).contains("Tasklist");

    var me = browser.get(WHO_AM_I);
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.body()).contains("\"userId\":\"ecx.officer\"").contains("tasklist");
    assertThat(me.body()).doesNotContain("cockpit").doesNotContain("\"admin\"");
  }

  @Test
  void anAnalystReachesCockpitButNotAdmin() throws Exception {
    RealmLogin browser = new RealmLogin();
    String[] analyst = browser.devUser("analyst");
    browser
        .startAt(APP.resolve("/camunda/app/cockpit/default/"))
        .submit(Map.of("username", "analyst", "password", analyst[1]))
        .submitTotp(analyst[2]);
    assertThat(browser.followToApp().statusCode()).isEqualTo(200);
    var me = browser.get(WHO_AM_I);
    assertThat(me.body()).contains("\"userId\":\"analyst\"").contains("cockpit");
    assertThat(me.body()).doesNotContain("\"admin\"").doesNotContain("tasklist");
  }

  @Test
  void camundasOwnPasswordFormIsNotAWayIn() throws Exception {
    RealmLogin browser = new RealmLogin();
    String[] officer = browser.devUser("ecx.officer");
    var response =
        browser.postForm(
            APP.resolve("/camunda/api/admin/auth/user/default/login/tasklist"),
            Map.of("username", "ecx.officer", "password", officer[1]));
    assertThat(response.statusCode()).isNotEqualTo(200);
    assertThat(browser.get(WHO_AM_I).statusCode()).isNotEqualTo(200);
  }
}
