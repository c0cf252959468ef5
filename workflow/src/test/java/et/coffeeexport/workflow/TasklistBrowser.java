package et.coffeeexport.workflow;

import et.coffeeexport.connectors.testing.RealNetwork;
import et.coffeeexport.identity.RealmLogin;
import et.coffeeexport.identity.Totp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven as a person uses the webapps: signs in through Keycloak with a TOTP
 * code, clicks where a person clicks, and keeps screenshots in {@code target/screenshots}.
 */
final class TasklistBrowser implements AutoCloseable {
  static final Path SHOTS = Path.of("target/screenshots");

  /** Keycloak's address: its port, as the realm's issuer names it. */
  private static final String KEYCLOAK = ":8180";

  final WebDriver driver;
  final WebDriverWait wait;

  TasklistBrowser() throws Exception {
    RealNetwork.require(
        Files.isExecutable(Path.of("/usr/bin/chromedriver"))
            && Files.isExecutable(Path.of("/usr/bin/chromium")),
        "Chromium and chromium-driver (Debian packages)");
    Files.createDirectories(SHOTS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1600");
    // The browser's console is kept so that a failing look can say what the page complained of.
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    driver =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .build(),
            options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /** Opens {@code app} and signs {@code username} in with their password and a TOTP code. */
  void signIn(String app, String username, String screenshot) throws Exception {
    String[] user = new RealmLogin().devUser(username);
    driver.get(ExportFixture.APP + app);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(user[1]);
    shot(screenshot);
    driver.findElement(By.id("kc-login")).click();
    WebElement otp = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("otp")));
    for (int attempt = 1; ; attempt++) {
      otp.clear();
      otp.sendKeys(Totp.code(user[2], Instant.now()));
      if (attempt == 1) {
        shot("02-keycloak-totp-" + username);
      }
      driver.findElement(By.id("kc-login")).click();
      // Keycloak's answer is awaited, not guessed from the page the click left behind: the form
      // goes, then either the application opens or the code is asked for again.
      wait.until(ExpectedConditions.stalenessOf(otp));
      Optional<WebElement> askedAgain = wait.until(TasklistBrowser::codeAskedAgain);
      if (askedAgain.isEmpty()) {
        return;
      }
      if (attempt == 3) {
        throw new AssertionError(
            username + " could not sign in with a TOTP code: " + whatThePageShows());
      }
      // Keycloak accepts each code once and this window's code was used (by another sign-in of
      // this person, a moment ago): the next window's code is entered.
      long window = Instant.now().getEpochSecond() / 30;
      while (Instant.now().getEpochSecond() / 30 == window) {
        Thread.sleep(250);
      }
      otp = askedAgain.get();
    }
  }

  /**
   * Empty once the browser has left Keycloak, Keycloak's code field when it asks for the code
   * again, {@code null} (keep waiting) while neither shows.
   */
  private static Optional<WebElement> codeAskedAgain(WebDriver driver) {
    if (!driver.getCurrentUrl().contains(KEYCLOAK)) {
      return Optional.empty();
    }
    try {
      return driver.findElements(By.id("otp")).stream()
          .filter(WebElement::isDisplayed)
          .findFirst()
          .map(Optional::of)
          .orElse(null);
    } catch (StaleElementReferenceException pageStillChanging) {
      return null;
    }
  }

  /** Clicks where a person would: scrolled into view, below Tasklist's fixed footer too. */
  void click(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
  }

  /** Tasklist's "Complete" button, once the form lets it be clicked. */
  WebElement completeButton() {
    return wait.until(
        ExpectedConditions.elementToBeClickable(
            By.xpath("//button[normalize-space()='Complete']")));
  }

  /** Replaces an input's text as a person types it. */
  void type(By input, String text) {
    WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(input));
    field.clear();
    field.sendKeys(text);
  }

  /**
   * What the page shows and said, for a failure message that explains itself where only the message
   * survives (CI keeps the message, not the screenshot): its address, its visible text and the
   * browser console's warnings and errors, each cut short.
   */
  String whatThePageShows() {
    StringBuilder seen = new StringBuilder("at ").append(driver.getCurrentUrl());
    try {
      Object text =
          ((JavascriptExecutor) driver)
              .executeScript("return document.body ? document.body.innerText : ''");
      seen.append("; page text: ")
          .append(excerpt(String.valueOf(text).replaceAll("\\s+", " "), 700));
    } catch (RuntimeException e) {
      seen.append("; page text unreadable: ").append(e.getMessage());
    }
    try {
      String console =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
              .map(entry -> entry.getLevel() + " " + entry.getMessage())
              .collect(Collectors.joining(" | "));
      seen.append("; console: ").append(console.isEmpty() ? "quiet" : excerpt(console, 900));
    } catch (RuntimeException e) {
      seen.append("; console unreadable: ").append(e.getMessage());
    }
    return seen.toString();
  }

  private static String excerpt(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }

  void shot(String name) throws Exception {
    Files.write(
        SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
  }

  @Override
  public void close() {
    driver.quit();
  }
}
