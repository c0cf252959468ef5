package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.RealmLogin;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What an officer learns after "Complete", on the running platform: Customs declares an export
 * against a permit the ledger never issued; the chaincode refuses. The outcome endpoint answers the
 * officer who completed the task (refused, the chaincode's code and reason, the task that came
 * back) and nobody else; the task comes back assigned to that officer, with the refusal on their
 * form only; deciding again commits (with the transaction) and the next stage's task shows nothing
 * of Customs' refusal. The same in Tasklist, in Chromium: the notification after "Complete", the
 * refusal on the returned task, the commit. Screenshots in target/screenshots/feedback-*.png.
 */
class TasklistFeedbackIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI APP = ExportFixture.APP;
  private static final String CUSTOMS = "custom-authorities.officer";

  /** Two exports waiting at Customs: one refused through the API, one through Tasklist. */
  private static String throughTheApi;

  private static String throughTasklist;

  @BeforeAll
  static void twoExportsAtCustoms() throws Exception {
    if (!NETWORK.available()) {
      return;
    }
    ExportFixture.ready(NETWORK);
    throughTheApi = exportAtCustoms();
    throughTasklist = exportAtCustoms();
  }

  @Test
  void aRefusedDecisionIsAnsweredToItsOfficerAndComesBackToThemAlone() throws Exception {
    String run = ExportFixture.people.run;
    String customs = ExportFixture.tokens.get(CUSTOMS);
    String refusedTask = taskOf(customs, throughTheApi, "Review");
    var done =
        Workflow.complete(
            refusedTask,
            customs,
            completion(
                Map.of(
                    "decision",
                    "APPROVE",
                    "decisionJson",
                    declaration("NBE-EP-NEVER-" + run, "DEC-REFUSED-" + run))));
    assertThat(done.statusCode()).as(done.body()).isIn(200, 204);

    RealmLogin officer = signedIn(CUSTOMS);
    JsonNode refused = Administration.outcome(officer, refusedTask);
    assertThat(refused.path("outcome").asText()).as(refused.toString()).isEqualTo("REFUSED");
    assertThat(refused.path("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(refused.path("reason").asText()).contains("no export permit NBE-EP-NEVER-" + run);
    String returned = refused.path("returnedTaskId").asText();
    JsonNode back = JSON.readTree(Workflow.get("task/" + returned, customs).body());
    assertThat(back.path("taskDefinitionKey").asText()).isEqualTo("Review");
    assertThat(back.path("assignee").asText())
        .as("back in the officer's own list")
        .isEqualTo(CUSTOMS);
    JsonNode form = JSON.readTree(officer.get(APP.resolve("/forms-api/tasks/" + returned)).body());
    assertThat(form.path("refusal").path("reason").asText())
        .contains("no export permit NBE-EP-NEVER-" + run);

    // Nobody else reads what became of the officer's decision, nor sees the refusal.
    for (String other : new String[] {"custom-authorities.supervisor", "shipping-line.officer"}) {
      RealmLogin someoneElse = signedIn(other);
      var outcome = someoneElse.get(APP.resolve("/forms-api/decisions/" + refusedTask));
      assertThat(outcome.statusCode()).as("%s: %s", other, outcome.body()).isEqualTo(404);
      assertThat(outcome.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(outcome.body()).doesNotContain("NBE-EP-NEVER");
      var theirView = someoneElse.get(APP.resolve("/forms-api/tasks/" + returned));
      assertThat(theirView.statusCode()).as("%s: %s", other, theirView.body()).isIn(200, 404);
      assertThat(theirView.body()).doesNotContain("NBE-EP-NEVER");
    }
    String process = back.path("processInstanceId").asText();
    assertThat(refusal(process, ExportFixture.tokens.get("admin")))
        .as("the process keeps no reason for the next task to show")
        .isNull();

    // Deciding again: committed, with its transaction; the next stage sees nothing of the refusal.
    ExportFixture.clearAtCustoms(CUSTOMS, throughTheApi, "DEC-OK-" + run);
    JsonNode committed = Administration.outcome(officer, returned);
    assertThat(committed.path("outcome").asText()).as(committed.toString()).isEqualTo("COMMITTED");
    assertThat(committed.path("transactionId").asText()).isNotBlank();
    assertThat(committed.path("exportStatus").asText()).isEqualTo("CUSTOMS_CLEARED");
    String shipping = ExportFixture.tokens.get("shipping-line.officer");
    String booking = taskOf(shipping, throughTheApi, "BookShipment");
    var shippingForm =
        signedIn("shipping-line.officer").get(APP.resolve("/forms-api/tasks/" + booking));
    assertThat(shippingForm.statusCode()).as(shippingForm.body()).isEqualTo(200);
    assertThat(JSON.readTree(shippingForm.body()).has("refusal")).isFalse();
    assertThat(shippingForm.body()).doesNotContain("NBE-EP-NEVER");
    JsonNode variables =
        JSON.readTree(Workflow.get("task/" + booking + "/variables", shipping).body());
    assertThat(
            variables.path("ledgerRefusal").path("value").isMissingNode()
                || variables.path("ledgerRefusal").path("value").isNull())
        .as("the shipping task inherits no refusal: %s", variables.path("ledgerRefusal"))
        .isTrue();
  }

  @Test
  void tasklistSaysWhatTheLedgerDidAndShowsTheRefusalOnTheOfficersTaskOnly() throws Exception {
    String run = ExportFixture.people.run;
    try (TasklistBrowser browser = new TasklistBrowser()) {
      browser.signIn("/camunda/app/tasklist/default/", CUSTOMS, "feedback-01-login");
      browser.wait.until(ExpectedConditions.titleContains("Tasklist"));
      browser
          .wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//a[contains(., 'Review export " + throughTasklist + "')]")))
          .click();
      browser
          .wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//button[normalize-space()='Claim']")))
          .click();
      WebElement approve =
          browser.wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("input[name='cx-decision'][value='APPROVE']")));
      assertThat(approve.isSelected()).as("no decision is chosen for the officer").isFalse();
      browser.click(approve);
      browser.type(By.id("decisionJson-permitNumber"), "NBE-EP-NEVER-UI-" + run);
      browser.type(By.id("decisionJson-declarationNumber"), "DEC-UI-" + run);
      browser.shot("feedback-02-customs-form");
      browser.click(browser.completeButton());
      WebElement refusal =
          browser.wait.until(
              ExpectedConditions.presenceOfElementLocated(
                  By.xpath("//*[contains(., 'the ledger refused your decision')]")));
      browser.shot("feedback-03-refused-notification");
      browser.click(
          browser.wait.until(
              ExpectedConditions.elementToBeClickable(By.linkText("open it again"))));
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector(".cx-refusal"), "no export permit NBE-EP-NEVER-UI-" + run));
      browser.shot("feedback-04-refusal-on-the-returned-task");
      assertThat(refusal).isNotNull();

      // The permit field is filled from the ledger's fact again: decide with it.
      browser.click(
          browser.wait.until(
              ExpectedConditions.elementToBeClickable(
                  By.cssSelector("input[name='cx-decision'][value='APPROVE']"))));
      browser.type(By.id("decisionJson-declarationNumber"), "DEC-UI-OK-" + run);
      browser.click(browser.completeButton());
      browser.wait.until(
          ExpectedConditions.presenceOfElementLocated(
              By.xpath("//*[contains(., 'committed on the ledger')]")));
      browser.shot("feedback-05-committed-notification");
    }
    assertThat(
            ExportFixture.awaitStatus(throughTasklist, "CUSTOMS_CLEARED").path("status").asText())
        .isEqualTo("CUSTOMS_CLEARED");
    try (TasklistBrowser shipping = new TasklistBrowser()) {
      shipping.signIn(
          "/camunda/app/tasklist/default/", "shipping-line.officer", "feedback-06-login");
      shipping
          .wait
          .until(
              ExpectedConditions.elementToBeClickable(
                  By.xpath("//a[contains(., 'Book the shipment of " + throughTasklist + "')]")))
          .click();
      shipping.wait.until(
          ExpectedConditions.visibilityOfElementLocated(By.id("bookingJson-bookingNumber")));
      shipping.shot("feedback-07-shipping-form");
      assertThat(shipping.driver.findElement(By.cssSelector(".cx-refusal")).isDisplayed())
          .as("Customs' refusal is not shown on Shipping Line's task")
          .isFalse();
    }
  }

  /** An export filed with its sales contract and decided up to Customs' review. */
  private static String exportAtCustoms() throws Exception {
    String exportId = ExportFixture.filedWithContract("feedback");
    ExportFixture.decide(
        "commercial-bank.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    ExportFixture.decide("ecta.officer", exportId, "Review", Map.of("decision", "APPROVE"));
    // National Bank approves foreign exchange only once ECX's certificate is anchored.
    ExportFixture.upload(ExportFixture.tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE");
    ExportFixture.certifyQualityAndApproveForeignExchange(exportId);
    assertThat(ExportFixture.awaitTasks(ExportFixture.tokens.get(CUSTOMS), exportId, "Review"))
        .hasSize(1);
    return exportId;
  }

  private static String taskOf(String token, String exportId, String key) throws Exception {
    JsonNode tasks = ExportFixture.awaitTasks(token, exportId, key);
    assertThat(tasks).as("%s of %s", key, exportId).hasSize(1);
    return tasks.get(0).get("id").asText();
  }

  private static String declaration(String permit, String declarationNumber) {
    return JSON.createObjectNode()
        .put("permitNumber", permit)
        .put("declarationNumber", declarationNumber)
        .toString();
  }

  /**
   * An administration process in the same form: its start form describes the start event's fields
   * to its starters alone, with nothing preset; a change the ledger refuses comes back to the
   * officer with what they sent prefilled and the ledger's reason; withdrawing it writes nothing to
   * the ledger, and the officer is told so.
   */
  @Test
  void anAdministrationFormStartsEmptyAndARevisionStartsFromWhatWasSent() throws Exception {
    String admin = ExportFixture.tokens.get("admin");
    String definition =
        JSON.readTree(
                Workflow.get("process-definition/key/" + ExportProcess.EXPORTER_STANDING, admin)
                    .body())
            .path("id")
            .asText();
    RealmLogin ecta = signedIn("ecta.officer");
    var start = ecta.get(APP.resolve("/forms-api/start-forms/" + definition));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    JsonNode fields = JSON.readTree(start.body()).path("fields");
    var ids = new java.util.ArrayList<String>();
    fields.forEach(
        f -> {
          ids.add(f.path("id").asText());
          assertThat(f.has("value")).as("%s is preset", f.path("id")).isFalse();
        });
    assertThat(ids).containsExactly("exporterId", "standing", "reasons", "documents");
    var notAStarter =
        signedIn("commercial-bank.officer")
            .get(APP.resolve("/forms-api/start-forms/" + definition));
    assertThat(notAStarter.statusCode()).isEqualTo(404);

    String unknown = "EXPORTER-UNKNOWN-" + ExportFixture.people.run.toUpperCase();
    String instance =
        Administration.start(
            "ecta.officer",
            ExportProcess.EXPORTER_STANDING,
            Map.of("exporterId", unknown, "standing", "SUSPENDED", "reasons", "audit\nfindings"));
    // After "Start" the form finds the process it started and reads what became of the start.
    var started = ecta.get(APP.resolve("/forms-api/start-forms/" + definition + "/started"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    assertThat(JSON.readTree(started.body()).path("processInstanceId").asText())
        .isEqualTo(instance);
    JsonNode startOutcome = Administration.outcome(ecta, instance);
    assertThat(startOutcome.path("outcome").asText()).isEqualTo("REFUSED");
    assertThat(startOutcome.path("reason").asText()).startsWith("NOT_FOUND").contains(unknown);
    assertThat(
            signedIn("ecta.supervisor")
                .get(APP.resolve("/forms-api/start-forms/" + definition + "/started"))
                .statusCode())
        .as("another person's start is not theirs to follow")
        .isEqualTo(404);
    JsonNode revise = Administration.task("ecta.officer", instance, "ReviseStandingChange");
    assertThat(Administration.outcome(ecta, instance).path("returnedTaskId").asText())
        .as("the refused start points its officer to the revision it came back as")
        .isEqualTo(revise.path("id").asText());
    var form = ecta.get(APP.resolve("/forms-api/tasks/" + revise.path("id").asText()));
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    JsonNode described = JSON.readTree(form.body());
    assertThat(described.path("task").path("description").asText())
        .contains("NOT_FOUND")
        .contains(unknown);
    JsonNode decision = described.path("fields").get(0);
    assertThat(decision.path("id").asText()).isEqualTo("decision");
    assertThat(decision.has("value")).as("a decision has no default").isFalse();
    assertThat(described.path("fields").get(1).path("value").asText()).isEqualTo("audit\nfindings");

    Administration.complete("ecta.officer", revise, Map.of("decision", "WITHDRAW"));
    assertThat(Administration.outcome(ecta, revise.path("id").asText()).path("outcome").asText())
        .isEqualTo("RECORDED");
  }

  private static String completion(Map<String, String> variables) {
    var body = JSON.createObjectNode();
    var vars = body.putObject("variables");
    variables.forEach((k, v) -> vars.putObject(k).put("value", v));
    return body.toString();
  }

  /** The refusal the process instance holds as a variable, or null. */
  private static String refusal(String processInstance, String admin) throws Exception {
    var answer = Workflow.get("process-instance/" + processInstance + "/variables", admin);
    if (answer.statusCode() == 404) {
      return null; // the review ended
    }
    JsonNode value = JSON.readTree(answer.body()).path("ledgerRefusal").path("value");
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static RealmLogin signedIn(String username) throws Exception {
    return ExportFixture.webSession(username);
  }
}
