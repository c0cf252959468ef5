package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.bpmn.ExportProcess;
import et.coffeeexport.connectors.testing.Consortium;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A screenshot of every task form as its officer sees it in Tasklist (headless Chromium, signed in
 * with their TOTP code), one export walked from the bank to the proceeds and one price-floor round:
 * {@code target/screenshots/form-NN-<task>.png}. Each form is only looked at; the decision is then
 * taken through the engine REST API with the officer's token, as the other tests do. Run alone:
 * {@code mvn -o verify -pl workflow -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=TaskFormsScreenshotsIT}.
 */
class TaskFormsScreenshotsIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private int shots;

  @BeforeAll
  static void people() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @Test
  void everyFormOfAnExportAsItsOfficerSeesIt() throws Exception {
    String run = ExportFixture.people.run;
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String exportId = ExportFixture.filedWithContract("forms");

    look("commercial-bank.officer", exportId, "Review", "bank-review");
    ExportFixture.decide("commercial-bank.officer", exportId, "Review", approve());
    look("ecta.officer", exportId, "Review", "ecta-review");
    ExportFixture.decide("ecta.officer", exportId, "Review", approve());
    // ECX anchors its quality certificate: National Bank's approval needs it.
    ExportFixture.upload(ExportFixture.tokens.get("ecx.officer"), exportId, "QUALITY_CERTIFICATE");
    look("ecx.officer", exportId, "Review", "ecx-review");
    ExportFixture.decide(
        "ecx.officer",
        exportId,
        "Review",
        Map.of("decision", "APPROVE", "decisionJson", Consortium.QUALITY));
    look("national-bank.officer", exportId, "Review", "national-bank-review");
    ExportFixture.decide("national-bank.officer", exportId, "Review", approve());
    look("custom-authorities.officer", exportId, "Review", "customs-review");
    ExportFixture.clearAtCustoms("custom-authorities.officer", exportId, "DEC-FORMS-" + run);
    look("shipping-line.officer", exportId, "BookShipment", "book-shipment");
    ExportFixture.decide(
        "shipping-line.officer",
        exportId,
        "BookShipment",
        Map.of(
            "bookingJson",
            "{\"bookingNumber\":\"BK-F-"
                + run
                + "\",\"vessel\":\"MSC Addis\",\"containers\":[\"MSCU7654321\"]}"));
    ExportFixture.upload(
        ExportFixture.tokens.get("shipping-line.officer"), exportId, "BILL_OF_LADING");
    look("shipping-line.officer", exportId, "Ship", "shipped-on-board");
    ExportFixture.decide(
        "shipping-line.officer",
        exportId,
        "Ship",
        Map.of(
            "billOfLadingJson",
            "{\"billOfLadingNumber\":\"BL-F-"
                + run
                + "\",\"billOfLadingDate\":\""
                + today
                + "\"}"));
    look("commercial-bank.officer", exportId, "RecordRepatriation", "record-repatriation");
  }

  @Test
  void bothFormsOfAPriceFloorRoundAsTheirSignersSeeThem() throws Exception {
    String round = "price-floors-forms-" + ExportFixture.people.run;
    var started =
        Workflow.call(
            "POST",
            "process-definition/key/" + ExportProcess.PRICE_FLOORS + "/start",
            ExportFixture.tokens.get("admin"),
            "{\"businessKey\":\"" + round + "\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    look("ecta.officer", round, "ProposePriceFloors", "propose-price-floors");
    // Not an export: completed directly (ExportFixture.decide follows an export's ledger record).
    String propose =
        ExportFixture.awaitTasks(
                ExportFixture.tokens.get("ecta.officer"), round, "ProposePriceFloors")
            .get(0)
            .get("id")
            .asText();
    var floors = JSON.createObjectNode();
    floors
        .putObject("variables")
        .putObject(ExportProcess.FLOORS_JSON)
        .put(
            "value",
            "[{\"grade\":\"G2\",\"origin\":\"FORMS"
                + ExportFixture.people.run.toUpperCase()
                + "\",\"process\":\"WASHED\",\"minPricePerLbUsd\":3.15}]");
    var proposed =
        Workflow.complete(propose, ExportFixture.tokens.get("ecta.officer"), floors.toString());
    assertThat(proposed.statusCode()).as(proposed.body()).isIn(200, 204);
    look("national-bank.supervisor", round, "CosignPriceFloors", "cosign-price-floors");
  }

  private static Map<String, String> approve() {
    return Map.of("decision", "APPROVE");
  }

  /** {@code officer} opens the task of {@code key} in Tasklist and the form is photographed. */
  private void look(String officer, String businessKey, String key, String name) throws Exception {
    JsonNode tasks = ExportFixture.awaitTasks(ExportFixture.tokens.get(officer), businessKey, key);
    assertThat(tasks).as("%s sees %s of %s", officer, key, businessKey).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();
    try (TasklistBrowser browser = new TasklistBrowser()) {
      browser.signIn("/camunda/app/tasklist/default/", officer, "form-login-" + officer);
      browser.wait.until(ExpectedConditions.titleContains("Tasklist"));
      String url =
          ExportFixture.APP
              + "/camunda/app/tasklist/default/#/?task="
              + taskId
              + "&detailsTab=task-detail-form";
      // The link is opened as a person opens it from a message: a fresh page, not a change of the
      // address's fragment under a Tasklist still choosing its start filter, which can drop it.
      // If the form still does not show, the page is reloaded once, as a person would. What the
      // page showed is kept either way, and said in the failure itself: CI keeps the message.
      browser.driver.get("about:blank");
      browser.driver.get(url);
      for (int attempt = 1; ; attempt++) {
        try {
          new WebDriverWait(browser.driver, Duration.ofSeconds(20))
              .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".cx-fields > *")));
          break;
        } catch (TimeoutException e) {
          browser.shot(String.format("form-not-shown-%s-%d", name, attempt));
          var title = browser.driver.findElements(By.cssSelector(".cx-title"));
          String seen =
              (title.isEmpty()
                      ? "no task form on the page"
                      : "the form says: " + title.get(0).getText())
                  + " ("
                  + browser.whatThePageShows()
                  + ")";
          System.err.printf("%s's form of %s (%s) not shown: %s%n", officer, key, url, seen);
          if (attempt == 2) {
            throw new AssertionError(
                officer + " cannot see the form of " + key + " task " + taskId + ": " + seen, e);
          }
          browser.driver.navigate().refresh();
        }
      }
      // The export's documents and rules arrive after the fields: let them settle.
      Thread.sleep(1500);
      shots++;
      browser.shot(String.format("form-%02d-%s", shots, name));
    }
  }
}
