package faqbot.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Debian's Chromium headless for the page tests: a fresh profile each time, the console kept
 * for {@link #assertNoConsoleErrors}, screenshots in target/screenshots. Where Chromium or its
 * driver is missing the tests skip, unless {@code FAQBOT_REQUIRE_BROWSER=1} makes that a failure.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final ChromeDriverService service;
  private final ChromeDriver driver;
  private final Path profile;

  private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
    this.service = service;
    this.driver = driver;
    this.profile = profile;
  }

  /** Starts a browser 1280 × 900, in English, on a profile of its own. */
  public static HeadlessChromium start() throws IOException {
    requireBrowser();
    Path profile = Files.createTempDirectory("faqbot-chromium-");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--no-default-browser-check",
        "--disable-default-apps",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-extensions",
        "--no-proxy-server",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--lang=en-US");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
    try {
      return new HeadlessChromium(service, new ChromeDriver(service, options), profile);
    } catch (RuntimeException e) {
      service.stop();
      Fixtures.deleteTree(profile);
      throw e;
    }
  }

  private static void requireBrowser() {
    List<String> missing = new ArrayList<>();
    for (Path tool : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(tool)) {
        missing.add(tool.toString());
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    String message =
        "the browser tests need "
            + String.join(" and ", missing)
            + " (Debian: apt-get install chromium chromium-driver)";
    if ("1".equals(System.getenv("FAQBOT_REQUIRE_BROWSER"))) {
      throw new AssertionError(message + ", and FAQBOT_REQUIRE_BROWSER=1 says they must run");
    }
    Assumptions.abort("skipped: " + message);
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Reads the console so far, so that the next check sees only what comes after. */
  public void forgetConsole() {
    driver.manage().logs().get(LogType.BROWSER);
  }

  /** Nothing at warning level or above in the console since it was last read (CSP, scripts). */
  public void assertNoConsoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.WARNING.intValue()
          && !entry.getMessage().contains("favicon.ico")) {
        errors.add(entry.getLevel() + " " + entry.getMessage());
      }
    }
    assertThat(errors).as("the browser console (CSP violations, script errors)").isEmpty();
  }

  public void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
  }

  /** The whole page at the window's width: the window grows to its height for the shot. */
  public void fullPageScreenshot(String name) throws IOException {
    Dimension before = driver.manage().window().getSize();
    int height = (int) number(js("return document.documentElement.scrollHeight"));
    driver.manage().window().setSize(new Dimension(before.getWidth(), height + 150));
    screenshot(name);
    driver.manage().window().setSize(before);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits up to 30 s for a condition to hold (be true, or non-null). */
  public <T> void until(Function<WebDriver, T> condition) {
    new WebDriverWait(driver, WAIT).until(condition::apply);
  }

  /**
   * The same, for a page that redraws its lists: elements read from a list just redrawn are stale,
   * and are read again.
   */
  public <T> void untilRedrawn(Function<WebDriver, T> condition) {
    new WebDriverWait(driver, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  /** A number a script returned (an integer or a fraction). */
  public static double number(Object value) {
    return ((Number) value).doubleValue();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      Fixtures.deleteTree(profile);
    }
  }
}
