package et.coffeeexport.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.RealmLogin;
import et.coffeeexport.identity.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist and Cockpit in a real browser (headless Chromium): an officer signs in through Keycloak
 * with a TOTP code, opens, claims and completes a task in its form, and the ledger moves; an
 * analyst sees the process instance in Cockpit. Screenshots go to target/screenshots.
 */
class TasklistBrowserIT {
  @RegisterExtension static final RealNetwork NETWORK = new RealNetwork();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SHOTS = Path.of("target/screenshots");
  private WebDriver browser;
  private WebDriverWait wait;

  @BeforeAll
  static void anExportWaitingAtTheBank() throws Exception {
    if (NETWORK.available()) {
      ExportFixture.ready(NETWORK);
    }
  }

  @BeforeEach
  void browser() throws Exception {
    RealNetwork.require(
        Files.isExecutable(Path.of("/usr/bin/chromedriver"))
            && Files.isExecutable(Path.of("/usr/bin/chromium")),
        "Chromium and chromium-driver (Debian packages)");
    Files.createDirectories(SHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1600");
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(),
            options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anOfficerSignsInWithTotpClaimsAndCompletesATaskInTasklist() throws Exception {
    String key = "browser-" + UUID.randomUUID();
    var filed = ExportFixture.file(key, ExportFixture.filing());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    assertThat(
            ExportFixture.upload(ExportFixture.exporterToken(), exportId, "SALES_CONTRACT")
                .statusCode())
        .isEqualTo(201);

    signIn("/camunda/app/tasklist/default/", "commercial-bank.officer", "01-keycloak-login");
    wait.until(ExpectedConditions.titleContains("Tasklist"));
    WebElement task =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[contains(., 'Review export " + exportId + "')]")));
    shot("03-tasklist");
    task.click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Claim']")))
        .click();
    WebElement decision =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".export-status"), "SUBMITTED"));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".documents"), "verified"));
    new Select(decision).selectByValue("APPROVE");
    shot("04-task-form");
    WebElement complete =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Complete']")));
    // Below Tasklist's fixed footer: click it where a person would, after scrolling to it.
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);
    Instant deadline = Instant.now().plusSeconds(60);
    String status = "";
    while (Instant.now().isBefore(deadline) && !status.equals("BANK_VERIFIED")) {
      status = ExportFixture.status(exportId).path("status").asText();
      Thread.sleep(250);
    }
    shot("05-task-completed");
    assertThat(status).as("the officer's decision reached the ledger").isEqualTo("BANK_VERIFIED");
  }

  @Test
  void anAnalystSeesTheProcessInstanceInCockpit() throws Exception {
    var filed = ExportFixture.file("cockpit-" + UUID.randomUUID(), ExportFixture.filing());
    String exportId = JSON.readTree(filed.body()).get("exportId").asText();
    signIn("/camunda/app/cockpit/default/", "analyst", "06-keycloak-login-analyst");
    wait.until(ExpectedConditions.titleContains("Cockpit"));
    browser.get(ExportFixture.APP + "/camunda/app/cockpit/default/#/processes?searchQuery=%5B%5D");
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//a[normalize-space()='Coffee export']")))
        .click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.xpath("//*[contains(text(), '" + exportId + "')]")));
    shot("07-cockpit-instance");
  }

  private void signIn(String app, String username, String screenshot) throws Exception {
    String[] user = new RealmLogin().devUser(username);
    browser.get(ExportFixture.APP + app);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(user[1]);
    shot(screenshot);
    browser.findElement(By.id("kc-login")).click();
    WebElement otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
    otp.sendKeys(Totp.code(user[2], Instant.now()));
    shot("02-keycloak-totp-" + username);
    browser.findElement(By.id("kc-login")).click();
    if (!browser.findElements(By.id("otp")).isEmpty()
        && browser.getCurrentUrl().contains(":8180")) {
      // Another test just used this window's code: Keycloak accepts each code once.
      long window = Instant.now().getEpochSecond() / 30;
      while (Instant.now().getEpochSecond() / 30 == window) {
        Thread.sleep(250);
      }
      WebElement again = browser.findElement(By.id("otp"));
      again.clear();
      again.sendKeys(Totp.code(user[2], Instant.now()));
      browser.findElement(By.id("kc-login")).click();
    }
  }

  private void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }
}
