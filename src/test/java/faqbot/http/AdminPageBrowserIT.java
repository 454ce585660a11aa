package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.testing.Fixtures;
import faqbot.testing.HeadlessChromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' page, {@code /admin}, in a real headless Chromium against the real server on a copy
 * of the bundled corpus (a copy, since adding a phrasing writes beside it): people ask, some are
 * answered, some narrowly, some asked which entry they meant, some declined, and some mark answers;
 * then an editor reads the charts, the unhelpful answers and the suggestions, and sorts the groups
 * and suggestions with one click each. Needs Chromium like {@link WidgetBrowserIT}, and is skipped
 * like it where Chromium is missing.
 */
class AdminPageBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String TOKEN = "the-editors-token-for-this-test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HeadlessChromium browser;
  private static ChromeDriver driver;
  private static final List<Runnable> cleanups = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    browser = HeadlessChromium.start();
    driver = browser.driver();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void forgetEarlierConsoleMessages() {
    browser.forgetConsole();
  }

  @AfterEach
  void cleanUp() {
    cleanups.forEach(Runnable::run);
    cleanups.clear();
    if (driver != null) {
      offline(false);
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  // ---------------------------------------------------------------- reading the page

  @Test
  void theChartsShowTodaysQuestionsAndTheUnhelpfulAnswersAndSuggestionsAreListed()
      throws Exception {
    String base = editorsServer();
    Map<String, Integer> outcomes = new HashMap<>();
    // Declined: nothing in the FAQ is about baking, or names universities.
    ask(base, "What's a good recipe for banana bread?", outcomes);
    ask(base, "how do I bake banana bread", outcomes);
    ask(base, "which universities have AI safety groups", outcomes);
    // Answered narrowly, then marked: one helpful, one not, with the question that led to it.
    JsonNode takeoff = ask(base, "what is an AI takeoff", outcomes);
    JsonNode labs = ask(base, "how do AI labs test for dangerous capabilities", outcomes);
    assertThat(takeoff.path("outcome").asText()).isEqualTo("answer");
    assertThat(labs.path("outcome").asText()).isEqualTo("answer");
    feedback(base, takeoff.at("/answer/id").asText(), true, "what is an AI takeoff");
    feedback(
        base,
        labs.at("/answer/id").asText(),
        false,
        "how do AI labs test for dangerous capabilities");
    // Asked which was meant, and the person picks the first.
    String boxing = "How does AI control differ from boxing an AI?";
    JsonNode clarified = ask(base, boxing, outcomes);
    assertThat(clarified.path("outcome").asText()).isEqualTo("clarify");
    JsonNode picked = pick(base, clarified);
    assertThat(picked.path("outcome").asText()).isEqualTo("answer");
    // Answered outright, and small talk.
    ask(base, "What is inner alignment?", outcomes);
    ask(base, "hi", outcomes);

    signIn(base);
    browser.untilRedrawn(d -> !d.findElements(By.cssSelector("#traffic-chart svg")).isEmpty());
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    // The bars for today: one segment per outcome, as tall as its count on one scale.
    WebElement day =
        driver.findElement(By.cssSelector("#traffic-chart g.day[data-day='" + today + "']"));
    double perQuestion = -1;
    for (String outcome : List.of("answer", "clarify", "decline", "smalltalk")) {
      int expected = outcomes.getOrDefault(outcome, 0);
      List<WebElement> bars = day.findElements(By.cssSelector("rect.bar." + outcome));
      if (expected == 0) {
        assertThat(bars).as(outcome).isEmpty();
        continue;
      }
      assertThat(bars).as(outcome).hasSize(1);
      assertThat(bars.get(0).getAttribute("data-n")).as(outcome).isEqualTo("" + expected);
      double height = Double.parseDouble(bars.get(0).getAttribute("height")) / expected;
      if (perQuestion < 0) {
        perQuestion = height;
      }
      assertThat(height).as(outcome + ": height per question").isCloseTo(perQuestion, within(0.02));
    }
    int total = outcomes.values().stream().mapToInt(Integer::intValue).sum();
    assertThat(day.findElement(By.cssSelector("title")).getAttribute("textContent"))
        .endsWith(": " + total + " questions (" + outcomeWords(outcomes) + ")");
    assertThat(driver.findElement(By.id("traffic-caption")).getText())
        .contains("Today: " + total + " questions (" + outcomeWords(outcomes) + ").");
    assertThat(svgAttribute("#traffic-chart svg", "aria-labelledby")).isEqualTo("traffic-caption");
    // The helpful share: one of today's two ratings was helpful.
    WebElement dot =
        driver.findElement(By.cssSelector("#helpful-chart circle.dot[data-day='" + today + "']"));
    assertThat(dot.getAttribute("data-share")).isEqualTo("50");
    assertThat(driver.findElement(By.id("helpful-caption")).getText())
        .contains("2 answers rated: 1 helpful (50%), 1 unhelpful");
    // The same numbers as a table, for screen readers and for reading exactly.
    driver.findElement(By.cssSelector("#traffic-section summary")).click();
    assertThat(
            driver
                .findElements(By.cssSelector("#traffic-table tr[data-day='" + today + "'] td"))
                .stream()
                .map(WebElement::getText)
                .toList())
        .containsExactly(
            "" + outcomes.getOrDefault("answer", 0),
            "" + outcomes.getOrDefault("clarify", 0),
            "" + outcomes.getOrDefault("decline", 0),
            "" + outcomes.getOrDefault("smalltalk", 0),
            "1",
            "1");

    // The unhelpful answer, with what was asked.
    browser.untilRedrawn(d -> !d.findElements(By.cssSelector("#unhelpful > li")).isEmpty());
    WebElement unhelpful =
        driver.findElement(
            By.cssSelector("#unhelpful > li[data-entry='" + labs.at("/answer/id").asText() + "']"));
    assertThat(unhelpful.findElement(By.cssSelector("h3")).getText())
        .isEqualTo(labs.at("/answer/question").asText());
    assertThat(unhelpful.findElements(By.cssSelector(".asked li")))
        .extracting(WebElement::getText)
        .containsExactly("how do AI labs test for dangerous capabilities");
    assertThat(unhelpful.findElement(By.cssSelector(".meta")).getText())
        .startsWith("Marked unhelpful once and never helpful; last marked ");
    assertThat(driver.findElements(By.cssSelector("#unhelpful > li"))).hasSize(1);

    // The suggestions, each with its reasons in words.
    browser.untilRedrawn(d -> !d.findElements(By.cssSelector("#suggestions > li")).isEmpty());
    WebElement pickedOne = suggestion(boxing).orElseThrow();
    assertThat(pickedOne.getAttribute("data-entry")).isEqualTo(picked.at("/answer/id").asText());
    assertThat(pickedOne.findElements(By.cssSelector(".reasons li")))
        .extracting(r -> r.getAttribute("data-reason"))
        .contains("picked");
    assertThat(pickedOne.findElement(By.cssSelector(".reasons li[data-reason=picked]")).getText())
        .isEqualTo("The bot asked which entry was meant, and the person picked this one.");
    assertThat(pickedOne.findElement(By.cssSelector("button.add")).getText())
        .isEqualTo(
            "Add as a phrasing of \u201c" + picked.at("/answer/question").asText() + "\u201d");
    WebElement narrow = suggestion("what is an AI takeoff").orElseThrow();
    assertThat(narrow.findElements(By.cssSelector(".reasons li")))
        .extracting(r -> r.getAttribute("data-reason"))
        .contains("narrow", "helpful");

    // The groups are still there, with their closest entries to choose from.
    assertThat(groupQuestions()).contains("which universities have AI safety groups");
    browser.fullPageScreenshot("admin-overview.png");
    // In a dark colour scheme too, the charts' colours come from the stylesheet.
    driver.executeCdpCommand(
        "Emulation.setEmulatedMedia",
        Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
    assertThat(browser.js("return getComputedStyle(document.body).backgroundColor"))
        .isEqualTo("rgb(23, 27, 34)");
    assertThat(
            browser.js(
                "return getComputedStyle(document.querySelector(arguments[0])).fill",
                "#traffic-chart g.day[data-day='" + today + "'] rect.answer"))
        .as("redrawn when the window changed size: read again")
        .isEqualTo("rgb(92, 196, 138)");
    browser.fullPageScreenshot("admin-overview-dark.png");
    driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));

    // On a phone: no sideways scrolling, the charts redrawn to the narrow width.
    driver.manage().window().setSize(new Dimension(390, 844));
    browser.untilRedrawn(
        d ->
            HeadlessChromium.number(
                    browser.js(
                        "return document.querySelector('#traffic-chart svg').width.baseVal.value"))
                <= 390);
    assertThat(HeadlessChromium.number(browser.js("return document.documentElement.scrollWidth")))
        .as("no sideways scrolling on a phone")
        .isLessThanOrEqualTo(390);
    browser.fullPageScreenshot("admin-overview-small.png");
    browser.js("document.getElementById('groups-heading').scrollIntoView()");
    browser.screenshot("admin-groups-small.png");

    // Fewer days: every section is read again for the days chosen.
    new Select(driver.findElement(By.id("days"))).selectByValue("7");
    browser.untilRedrawn(
        d -> d.findElement(By.id("traffic-caption")).getText().contains("in the last 7 days"));
    driver.navigate().refresh(); // the choice is kept for this tab
    browser.untilRedrawn(
        d -> d.findElement(By.id("traffic-caption")).getText().contains("in the last 7 days"));
    assertThat(new Select(driver.findElement(By.id("days"))).getFirstSelectedOption().getText())
        .isEqualTo("7 days");
    browser.assertNoConsoleErrors();
  }

  // ---------------------------------------------------------------- one click each

  @Test
  void oneClickSendsAGroupToNewEntriesDismissesAnotherAndAddsASuggestedPhrasing() throws Exception {
    String base = editorsServer();
    Path downloads = Files.createTempDirectory("faqbot-downloads-");
    cleanups.add(() -> Fixtures.deleteTree(downloads));
    Map<String, Integer> outcomes = new HashMap<>();
    List<String> banana =
        List.of("What's a good recipe for banana bread?", "how do I bake banana bread");
    for (String question : banana) {
      assertThat(ask(base, question, outcomes).path("outcome").asText()).isEqualTo("decline");
    }
    assertThat(ask(base, "is ChatGPT aligned", outcomes).path("outcome").asText())
        .isEqualTo("decline");
    String boxing = "How does AI control differ from boxing an AI?";
    JsonNode picked = pick(base, ask(base, boxing, outcomes));
    String entryId = picked.at("/answer/id").asText();
    assertThat(ask(base, boxing, outcomes).path("outcome").asText())
        .as("before an editor adds it")
        .isNotEqualTo("answer");

    signIn(base);
    browser.untilRedrawn(d -> groupQuestions().contains("is ChatGPT aligned"));
    assertThat(driver.findElements(By.cssSelector("#new-entries > li"))).isEmpty();
    assertThat(driver.findElement(By.id("export")).isEnabled()).isFalse();

    // "Needs a new entry": the group leaves, and the list of new entries has it.
    WebElement bananaGroup = group("banana bread").orElseThrow();
    List<String> bananaWordings =
        bananaGroup.findElements(By.cssSelector(".asked li")).stream()
            .map(q -> q.getText().replaceFirst(" \\(\\d+\\)$", ""))
            .toList();
    bananaGroup.findElement(By.cssSelector("button.new-entry")).click();
    browser.untilRedrawn(ExpectedConditions.stalenessOf(bananaGroup));
    assertThat(groupQuestions()).doesNotContainAnyElementsOf(bananaWordings);
    assertThat(driver.findElement(By.id("status")).getText())
        .endsWith("is on the list of questions that need a new entry.");
    assertThat(driver.findElement(By.id("status")).getAttribute("role")).isEqualTo("status");
    browser.untilRedrawn(
        d -> d.findElements(By.cssSelector("#new-entries > li")).size() == bananaWordings.size());
    assertThat(driver.findElements(By.cssSelector("#new-entries > li h3")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrderElementsOf(
            bananaWordings.stream().map(q -> "\u201c" + q + "\u201d").toList());
    browser.js("document.getElementById('new-entries-section').scrollIntoView()");
    browser.screenshot("admin-new-entries.png");

    // Export as CSV: fetched with the token in a header, handed over as a download.
    driver.executeCdpCommand(
        "Browser.setDownloadBehavior",
        Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    WebElement export = driver.findElement(By.id("export"));
    assertThat(export.isEnabled()).isTrue();
    export.click();
    Path csv =
        new WebDriverWait(driver, WAIT)
            .until(
                d -> {
                  try (Stream<Path> files = Files.list(downloads)) {
                    return files
                        .filter(f -> f.getFileName().toString().endsWith(".csv"))
                        .findFirst()
                        .orElse(null);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("question,count,first_seen,last_seen,decided");
    assertThat(lines).hasSize(1 + bananaWordings.size());
    bananaWordings.forEach(q -> assertThat(String.join("\n", lines)).contains(q));
    assertThat(csv.getFileName().toString()).startsWith("faq-new-entries-");
    assertThat(driver.findElement(By.id("status")).getText())
        .startsWith("Downloaded the list of questions that need a new entry");
    assertThat(driver.getCurrentUrl()).doesNotContain(TOKEN);

    // "Dismiss", from the keyboard: the group leaves, the focus stays in its section, and it does
    // not come back on reload.
    WebElement chatgpt = group("is ChatGPT aligned").orElseThrow();
    chatgpt.findElement(By.cssSelector("button.dismiss")).sendKeys(Keys.ENTER);
    browser.untilRedrawn(d -> group("is ChatGPT aligned").isEmpty());
    assertThat(driver.findElement(By.id("status")).getText())
        .isEqualTo("Dismissed \u201cis ChatGPT aligned\u201d.");
    assertThat(browser.js("return document.activeElement.closest('#groups-section') !== null"))
        .as("the focus stays with the groups")
        .isEqualTo(true);

    // "Add as a phrasing of …" on a suggestion: it leaves, and the bot answers that wording now.
    browser.untilRedrawn(d -> suggestion(boxing).isPresent());
    suggestion(boxing).orElseThrow().findElement(By.cssSelector("button.add")).click();
    browser.untilRedrawn(d -> suggestion(boxing).isEmpty());
    assertThat(driver.findElement(By.id("status")).getText())
        .isEqualTo(
            "Added \u201c"
                + boxing
                + "\u201d as a phrasing of \u201c"
                + picked.at("/answer/question").asText()
                + "\u201d.");
    JsonNode now = ask(base, boxing, outcomes);
    assertThat(now.path("outcome").asText()).isEqualTo("answer");
    assertThat(now.at("/answer/id").asText()).isEqualTo(entryId);

    driver.navigate().refresh(); // still signed in for this tab
    browser.untilRedrawn(d -> !d.findElements(By.cssSelector("#new-entries > li")).isEmpty());
    browser.untilRedrawn(d -> d.findElement(By.id("summary")).getText().length() > 0);
    assertThat(groupQuestions())
        .as("what was dismissed or sent to new entries does not come back")
        .doesNotContain("is ChatGPT aligned")
        .doesNotContainAnyElementsOf(bananaWordings);
    assertThat(suggestion(boxing)).as("what was added does not come back").isEmpty();
    browser.assertNoConsoleErrors();
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void aWrongTokenAndARefusedActionAreShownPlainly() throws Exception {
    String base = editorsServer();
    String question = "which universities have AI safety groups";
    assertThat(ask(base, question, new HashMap<>()).path("outcome").asText()).isEqualTo("decline");
    driver.get(base + "/admin");
    driver.findElement(By.id("token")).sendKeys("not-the-token-at-all", Keys.ENTER);
    browser.untilRedrawn(d -> !d.findElement(By.id("login-error")).getText().isEmpty());
    assertThat(driver.findElement(By.id("login-error")).getText())
        .isEqualTo("That token is not the admin token.");
    assertThat(driver.findElement(By.id("editor")).isDisplayed()).isFalse();
    assertThat(browser.js("return sessionStorage.getItem('faqbot-admin-token')")).isNull();
    assertThat(driver.getCurrentUrl()).doesNotContain("not-the-token");

    // Another editor adds the question to one entry while this one chooses another: the server's
    // refusal is shown in its own words, and the group stays to be dealt with.
    signIn(base);
    browser.untilRedrawn(d -> group(question).isPresent());
    WebElement group = group(question).orElseThrow();
    Select entries = new Select(group.findElement(By.cssSelector("select")));
    assertThat(entries.getOptions()).hasSizeGreaterThan(1);
    String chosen = entries.getFirstSelectedOption().getAttribute("value");
    String other =
        entries.getOptions().stream()
            .map(o -> o.getAttribute("value"))
            .filter(v -> !v.equals(chosen))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> added =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/admin/phrasings"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("entryId", other, "phrasing", question))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    group.findElement(By.cssSelector("button.add")).click();
    browser.untilRedrawn(
        d -> group.findElement(By.cssSelector(".note")).getText().startsWith("Not added"));
    assertThat(group.findElement(By.cssSelector(".note")).getText())
        .isEqualTo(
            "Not added: \"" + question + "\" is a phrasing of another entry, '" + other + "'");
    assertThat(group.findElement(By.cssSelector(".note")).getAttribute("class")).contains("bad");
    assertThat(group.findElement(By.cssSelector("button.add")).isEnabled())
        .as("left to try again")
        .isTrue();
    assertThat(group(question)).isPresent();
    browser.js("arguments[0].scrollIntoView()", group);
    browser.screenshot("admin-refused.png");

    // The connection drops: an action and a reload say so in words, and the editor stays signed in.
    offline(true);
    group.findElement(By.cssSelector("button.dismiss")).click();
    browser.untilRedrawn(
        d -> group.findElement(By.cssSelector(".note")).getText().startsWith("Not dismissed"));
    assertThat(group.findElement(By.cssSelector(".note")).getText())
        .isEqualTo(
            "Not dismissed: the server cannot be reached; check the connection and try again.");
    new Select(driver.findElement(By.id("days"))).selectByValue("90");
    browser.untilRedrawn(
        d -> d.findElement(By.cssSelector("#traffic-section .error")).isDisplayed());
    assertThat(driver.findElement(By.cssSelector("#traffic-section .error")).getText())
        .isEqualTo(
            "Could not load the traffic: the server cannot be reached; check the connection and try"
                + " again.");
    assertThat(driver.findElement(By.cssSelector("#traffic-section .error")).getAttribute("role"))
        .isEqualTo("alert");
    assertThat(driver.findElement(By.id("editor")).isDisplayed()).isTrue();
    offline(false);
    new Select(driver.findElement(By.id("days"))).selectByValue("30");
    browser.untilRedrawn(
        d -> !d.findElement(By.cssSelector("#traffic-section .error")).isDisplayed());
    browser.untilRedrawn(
        d -> group(question).isEmpty()); // read again: the other editor's phrasing answers it

    driver.findElement(By.id("signout")).click();
    assertThat(driver.findElement(By.id("login")).isDisplayed()).isTrue();
    assertThat(browser.js("return sessionStorage.getItem('faqbot-admin-token')")).isNull();
  }

  // ---------------------------------------------------------------- helpers

  /** Takes the browser off the network, or puts it back. */
  private static void offline(boolean off) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  /** A server on a copy of the bundled corpus with a journal, stopped after the test. */
  private static String editorsServer() throws IOException {
    Path dir = Files.createTempDirectory("faqbot-admin-");
    cleanups.add(() -> Fixtures.deleteTree(dir));
    JournalledServer server =
        JournalledServer.start(Fixtures.copyOfCorpus(dir.resolve("corpus")), dir, TOKEN);
    cleanups.add(0, server::close);
    return server.base();
  }

  private static void signIn(String base) {
    driver.get(base + "/admin");
    driver.findElement(By.id("token")).sendKeys(TOKEN);
    driver.findElement(By.cssSelector("#login button")).click();
    browser.untilRedrawn(d -> d.findElement(By.id("editor")).isDisplayed());
    assertThat(driver.getCurrentUrl()).doesNotContain(TOKEN);
  }

  private static Optional<WebElement> group(String wording) {
    return driver.findElements(By.cssSelector("#groups > li")).stream()
        .filter(
            g ->
                g.findElements(By.cssSelector(".asked li")).stream()
                    .anyMatch(q -> q.getText().contains(wording)))
        .findFirst();
  }

  private static List<String> groupQuestions() {
    return driver.findElements(By.cssSelector("#groups .asked li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static Optional<WebElement> suggestion(String phrasing) {
    return driver.findElements(By.cssSelector("#suggestions > li")).stream()
        .filter(
            s ->
                s.findElement(By.cssSelector("h3"))
                    .getText()
                    .equals("\u201c" + phrasing + "\u201d"))
        .findFirst();
  }

  /** How the page words a day's outcomes: "3 answered, 1 asked which was meant, …". */
  private static String outcomeWords(Map<String, Integer> outcomes) {
    return outcomes.getOrDefault("answer", 0)
        + " answered, "
        + outcomes.getOrDefault("clarify", 0)
        + " asked which was meant, "
        + outcomes.getOrDefault("decline", 0)
        + " declined, "
        + outcomes.getOrDefault("smalltalk", 0)
        + " small talk";
  }

  private static String svgAttribute(String selector, String name) {
    return driver.findElement(By.cssSelector(selector)).getAttribute(name);
  }

  /** Asks the bot as the widget would, and counts the outcome. */
  private static JsonNode ask(String base, String message, Map<String, Integer> outcomes)
      throws Exception {
    return chat(base, Map.of("message", message), outcomes);
  }

  /**
   * Answers a "which did you mean?" with "1", in the context it gave, as the widget would. Not a
   * question of its own: the traffic counts the question once, as clarified.
   */
  private static JsonNode pick(String base, JsonNode clarified) throws Exception {
    return chat(
        base,
        Map.of("message", "1", "context", clarified.path("context").asText()),
        new HashMap<>());
  }

  private static JsonNode chat(String base, Map<String, String> body, Map<String, Integer> outcomes)
      throws Exception {
    HttpResponse<String> response = post(base + "/api/chat", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    outcomes.merge(answer.path("outcome").asText(), 1, Integer::sum);
    return answer;
  }

  private static void feedback(String base, String answerId, boolean helpful, String question)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("answerId", answerId);
    body.put("helpful", helpful);
    body.put("question", question);
    HttpResponse<String> response = post(base + "/api/feedback", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  private static HttpResponse<String> post(String url, Object body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
