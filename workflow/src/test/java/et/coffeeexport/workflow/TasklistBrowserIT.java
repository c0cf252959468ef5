package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist and Cockpit in a real browser (headless Chromium): an officer signs in through Keycloak
 * with a TOTP code, opens, claims and completes a task in its form (no decision chosen for them),
 * the ledger moves and Tasklist says so; an analyst sees the process instance in Cockpit.
 * Screenshots go to target/screenshots.
 */
class TasklistBrowserIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private TasklistBrowser browser;
  private WebDriverWait wait;

  @BeforeAll
  static void anExportWaitingAtTheBank() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @BeforeEach
  void browser() throws Exception {
    browser = new TasklistBrowser();
    wait = browser.wait;
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anOfficerSignsInWithTotpClaimsAndCompletesATaskInTasklist() throws Exception {
    String exportId = ExportFixture.filedWithContract("browser");

    browser.signIn(
        "/camunda/app/tasklist/default/", "commercial-bank.officer", "01-keycloak-login");
    wait.until(ExpectedConditions.titleContains("Tasklist"));
    WebElement task =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(., 'Review export " + exportId + "')]")));
    browser.shot("03-tasklist");
    task.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Claim']")))
        .click();
    WebElement approve =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[name='cx-decision'][value='APPROVE']")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".cx-status"), "SUBMITTED"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".cx-documents"), "verified"));
    assertThat(approve.isSelected()).as("no decision is chosen for the officer").isFalse();
    browser.click(approve);
    browser.shot("04-task-form");
    browser.click(browser.completeButton());
    Instant deadline = Instant.now().plusSeconds(60);
    String status = "";
    while (Instant.now().isBefore(deadline) && !status.equals("BANK_VERIFIED")) {
      status = ExportFixture.status(exportId).path("status").asText();
      Thread.sleep(250);
    }
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(., 'committed on the ledger')]")));
    browser.shot("05-task-completed");
    assertThat(status).as("the officer's decision reached the ledger").isEqualTo("BANK_VERIFIED");
  }

  @Test
  void anAnalystSeesTheProcessInstanceInCockpit() throws Exception {
    var filed = ExportFixture.file("cockpit-" + UUID.randomUUID(), ExportFixture.filing());
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    browser.signIn("/camunda/app/cockpit/default/", "analyst", "06-keycloak-login-analyst");
    wait.until(ExpectedConditions.titleContains("Cockpit"));
    // A fresh page, not a fragment change under a Cockpit still starting (see
    // TaskFormsScreenshotsIT).
    browser.driver.get("about:blank");
    browser.driver.get(
        ExportFixture.APP + "/camunda/app/cockpit/default/#/processes?searchQuery=%5B%5D");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[normalize-space()='Coffee export']")))
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(text(), '" + exportId + "')]")));
    browser.shot("07-cockpit-instance");
  }
}
