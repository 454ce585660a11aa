package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.answer.SmallTalk;
import faqbot.app.Bot;
import faqbot.corpus.CorpusSource;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.testing.Fixtures;
import faqbot.testing.HeadlessChromium;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat widget in a real headless Chromium, against the real server on the bundled corpus: what
 * a reader sees and can do with mouse and keyboard, that hostile text from a message or from the
 * corpus stays text, and that the host page's CSS cannot reach into the widget. Needs
 * /usr/bin/chromium and /usr/bin/chromedriver (Debian's chromium and chromium-driver); skipped
 * where they are missing, unless FAQBOT_REQUIRE_BROWSER=1 (as CI sets it). Nothing leaves this
 * machine: the browser talks only to servers on 127.0.0.1, with its background services off.
 */
class WidgetBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String XSS_MESSAGE =
      "<img src=x onerror=window.__pwned=1><script>window.__pwned=1</script>";

  private static final RecordingJournal journal = new RecordingJournal();
  private static Javalin app;
  private static HeadlessChromium browser;
  private static ChromeDriver driver;
  private static final List<Runnable> cleanups = new ArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    browser = HeadlessChromium.start();
    driver = browser.driver();
    app =
        HttpApp.create(
                Fixtures.bundledBot().answerer(), new HttpOptions(List.of(), List.of(), journal))
            .start(0);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (app != null) {
      app.stop();
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
      driver.manage().window().setSize(new Dimension(1280, 900));
    }
  }

  // ---------------------------------------------------------------- Markdown content and pages

  private static final String HOSTILE_ID = "is-this-entry-hostile";

  /** A corpus folder of Markdown entries: links, emphasis, a footnote, related, a hostile one. */
  private static Path markdownCorpus() throws IOException {
    Path folder = Files.createTempDirectory("faqbot-md-corpus-");
    cleanups.add(() -> Fixtures.deleteTree(folder));
    Files.writeString(
        folder.resolve("what-is-reward-hacking.md"),
        "---\nquestion: What is reward hacking?\ntags: [training]\n"
            + "related:\n  - Is this entry hostile?\n---\n"
            + "An agent *games* its reward, as in [the boat race](https://openai.com/research/faulty-reward-functions)."
            + " See also[^1].\n\n[^1]: [Specification gaming examples](https://vkrakovna.wordpress.com/x)\n");
    Files.writeString(
        folder.resolve(HOSTILE_ID + ".md"),
        "---\nquestion: Is this entry hostile?\ntags: [training]\n---\n"
            + "It tries <script>window.__pwned=1</script> and <img src=x onerror=window.__pwned=1>"
            + " and [a trap](javascript:window.__pwned=1) and [data](data:text/html,x) but links"
            + " [safely](https://example.org/safe?a=1&b=2).\n");
    return folder;
  }

  /** A server, keyword search only (quick to index), on a corpus; stopped after the test. */
  private static Javalin serve(CorpusSource corpus) throws IOException {
    Path index = Files.createTempDirectory("faqbot-md-index-");
    Bot bot = Bot.open(corpus, index, false, SmallTalk.standard(), report -> {});
    // A page that embeds the widget narrowed to one tag, as a page about one topic would.
    Consumer<JavalinConfig> taggedPage =
        config ->
            config.routes.get(
                "/tagged/{tag}",
                ctx ->
                    ctx.header(
                            "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; connect-src 'self'")
                        .html(
                            "<!doctype html><title>t</title><script src=\"/widget.js\" data-tags=\""
                                + ctx.pathParam("tag").replaceAll("[^a-z-]", "")
                                + "\"></script>"));
    Javalin server =
        HttpApp.create(bot.answerer(), new HttpOptions(List.of(), List.of(taggedPage), journal))
            .start(0);
    cleanups.add(
        () -> {
          server.stop();
          bot.close();
          Fixtures.deleteTree(index);
        });
    return server;
  }

  @Test
  void aMarkdownAnswerShowsItsLinksAsLinksAndNothingInItRuns() throws IOException {
    Javalin server = serve(CorpusSource.of(markdownCorpus()));
    SearchContext widget = openPage("http://127.0.0.1:" + server.port() + "/");
    widget.findElement(By.cssSelector("button.launcher")).click();

    WebElement answer = ask(widget, "What is reward hacking?");
    WebElement link = answer.findElement(By.linkText("the boat race"));
    assertThat(link.getAttribute("href"))
        .isEqualTo("https://openai.com/research/faulty-reward-functions");
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
    WebElement emphasis = answer.findElement(By.cssSelector("em"));
    assertThat(emphasis.getText()).isEqualTo("games");
    assertThat(browser.js("return getComputedStyle(arguments[0]).fontStyle", emphasis))
        .isEqualTo("italic");
    assertThat(answer.getText())
        .contains("See also[1].")
        .doesNotContain("[^1]")
        .doesNotContain("*");
    assertThat(answer.findElement(By.cssSelector("details summary")).getText())
        .isEqualTo("Sources (1)");
    assertThat(answer.findElement(By.cssSelector(".page a")).getAttribute("href"))
        .isEqualTo("http://127.0.0.1:" + server.port() + "/faq/what-is-reward-hacking");
    browser.screenshot("widget-markdown.png");

    WebElement hostile = ask(widget, "Is this entry hostile?");
    assertThat(hostile.getText()).contains("It tries").contains("a trap").doesNotContain("<script");
    assertThat(hostile.findElements(By.cssSelector("a")))
        .extracting(a -> a.getAttribute("href"))
        .contains("https://example.org/safe?a=1&b=2")
        .noneMatch(h -> h.startsWith("javascript:") || h.startsWith("data:"));
    hostile.findElement(By.linkText("safely"));
    assertThat(hostile.findElements(By.linkText("a trap"))).isEmpty();
    assertNotPwned(widget);
    browser.assertNoConsoleErrors();
  }

  @Test
  void aWidgetGivenTagsAnswersOnlyFromEntriesWithThem() throws IOException {
    Javalin server = serve(CorpusSource.of(markdownCorpus()));
    SearchContext tagged = openPage("http://127.0.0.1:" + server.port() + "/tagged/training");
    tagged.findElement(By.cssSelector("button.launcher")).click();
    assertThat(ask(tagged, "What is reward hacking?").getText())
        .contains("An agent games its reward");

    SearchContext other = openPage("http://127.0.0.1:" + server.port() + "/tagged/cooking");
    other.findElement(By.cssSelector("button.launcher")).click();
    assertThat(ask(other, "What is reward hacking?").getText())
        .doesNotContain("An agent games its reward");
    browser.assertNoConsoleErrors();
  }

  @Test
  void anAnswersPageAndTheListOfQuestionsInABrowser() throws IOException {
    Javalin server = serve(CorpusSource.of(markdownCorpus()));
    String base = "http://127.0.0.1:" + server.port();
    driver.get(base + "/faq/what-is-reward-hacking");
    assertThat(driver.getTitle()).isEqualTo("What is reward hacking? — FAQ");
    assertThat(driver.findElement(By.cssSelector("h1")).getText())
        .isEqualTo("What is reward hacking?");
    assertThat(driver.findElement(By.linkText("the boat race")).getAttribute("href"))
        .isEqualTo("https://openai.com/research/faulty-reward-functions");
    assertThat(driver.findElement(By.cssSelector("#related + ul a")).getAttribute("href"))
        .isEqualTo(base + "/faq/" + HOSTILE_ID);
    assertThat(driver.findElement(By.cssSelector("#sources + ol a")).getText())
        .isEqualTo("Specification gaming examples");
    assertThat(browser.js("return getComputedStyle(document.body).fontFamily"))
        .as("the stylesheet loaded under the page's policy")
        .asString()
        .contains("system-ui");
    browser.screenshot("faq-page.png");
    driver.manage().window().setSize(new Dimension(390, 844));
    assertThat(HeadlessChromium.number(browser.js("return document.documentElement.scrollWidth")))
        .as("no sideways scrolling on a phone")
        .isLessThanOrEqualTo(390);
    browser.screenshot("faq-page-small.png");
    driver.manage().window().setSize(new Dimension(1280, 900));

    driver.findElement(By.cssSelector("#related + ul a")).click();
    browser.until(d -> d.getCurrentUrl().endsWith("/faq/" + HOSTILE_ID));
    assertThat(driver.findElement(By.cssSelector("article")).getText())
        .contains("It tries")
        .contains("a trap");
    assertThat(driver.findElements(By.cssSelector("article a")))
        .extracting(a -> a.getAttribute("href"))
        .containsExactly("https://example.org/safe?a=1&b=2", base + "/faq#tag-training");
    assertThat(driver.findElements(By.cssSelector("script, img, iframe"))).isEmpty();
    assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");

    driver.get(base + "/faq");
    assertThat(driver.findElement(By.cssSelector("h2")).getText()).isEqualTo("training (2)");
    assertThat(driver.findElements(By.cssSelector("section li a")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrder("What is reward hacking?", "Is this entry hostile?");
    browser.screenshot("faq-index.png");
    driver.manage().window().setSize(new Dimension(390, 844));
    assertThat(HeadlessChromium.number(browser.js("return document.documentElement.scrollWidth")))
        .isLessThanOrEqualTo(390);
    browser.screenshot("faq-index-small.png");
    driver.manage().window().setSize(new Dimension(1280, 900));

    browser.assertNoConsoleErrors();

    driver.get(base + "/faq/no-such-entry"); // a 404, which the console reports
    assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("No such question");
  }

  @Test
  void theAisafetyExportAnswersWithItsLinksVideoFootnotesAndRelatedQuestions() throws IOException {
    Path export =
        Fixtures.sharedDatasets().resolve("aisafety-info-stampy/faq_entries_2023-03.jsonl");
    Javalin server = serve(CorpusSource.of(export));
    SearchContext widget = openPage("http://127.0.0.1:" + server.port() + "/");
    widget.findElement(By.cssSelector("button.launcher")).click();

    WebElement answer = ask(widget, "Are corporations superintelligent?");
    assertThat(answer.findElement(By.linkText("distinguishes")).getAttribute("href"))
        .isEqualTo("https://publicism.info/philosophy/superintelligence/4.html");
    WebElement video = answer.findElement(By.cssSelector(".video a"));
    assertThat(video.getText()).isEqualTo("Why Not Just: Think of AGI Like a Corporation?");
    assertThat(video.getAttribute("href")).isEqualTo("https://www.youtube.com/watch?v=L5pUA3LsEaw");
    assertThat(answer.findElements(By.cssSelector(".chips button")))
        .extracting(WebElement::getText)
        .contains("What is \"superintelligence\"?");
    assertThat(answer.getText())
        .doesNotContain("**")
        .doesNotContain("](")
        .doesNotContain("<iframe")
        .doesNotContain("[^");
    browser.screenshot("widget-export.png");

    WebElement footnoted = ask(widget, "How might interpretability be helpful?");
    assertThat(footnoted.findElement(By.cssSelector("details summary")).getText())
        .isEqualTo("Sources (1)");
    assertThat(footnoted.getText()).contains("a maze-solving agent[1]");
    browser.assertNoConsoleErrors();
  }

  // ---------------------------------------------------------------- the editors' page

  @Test
  void anEditorGroupsWhatPeopleAskedAndTeachesTheBotInOneClick() throws Exception {
    String token = "an-editors-token-of-some-length";
    Path dir = Files.createTempDirectory("faqbot-editors-");
    cleanups.add(() -> Fixtures.deleteTree(dir));
    JournalledServer server =
        JournalledServer.start(Fixtures.innerAlignmentCorpus(dir.resolve("corpus")), dir, token);
    cleanups.add(server::close);
    String base = server.base();
    // Three people ask one question in their own words; no entry answers it outright.
    List<String> asked =
        List.of(
            "Why did Rob Miles call it the other alignment problem?",
            "why does Rob Miles say there is an OTHER alignment problem",
            "What is the 'other' alignment problem Rob Miles talks about?");
    for (String question : asked) {
      assertThat(chat(base, question).path("outcome").asText()).isNotEqualTo("answer");
    }
    chat(base, "What's a good recipe for banana bread?");

    driver.get(base + "/admin");
    driver.findElement(By.id("token")).sendKeys(token);
    driver.findElement(By.cssSelector("#login button")).click();
    browser.until(d -> !d.findElements(By.cssSelector("#groups > li")).isEmpty());
    assertThat(driver.getCurrentUrl()).doesNotContain(token);
    WebElement group = driver.findElements(By.cssSelector("#groups > li")).get(0);
    assertThat(group.getAttribute("data-count")).isEqualTo("3");
    assertThat(group.findElements(By.cssSelector(".asked li")))
        .extracting(WebElement::getText)
        .containsExactlyInAnyOrderElementsOf(asked);
    assertThat(driver.findElements(By.cssSelector("#groups > li")))
        .as("the banana bread question is a group of its own")
        .hasSize(2);
    browser.screenshot("admin-groups.png");

    new Select(group.findElement(By.cssSelector("select")))
        .selectByValue("what-is-inner-alignment");
    // The editor keeps one question out of it: only the ticked ones are added.
    WebElement third =
        group.findElements(By.cssSelector(".asked li")).stream()
            .filter(li -> li.getText().equals(asked.get(2)))
            .findFirst()
            .orElseThrow();
    third.findElement(By.cssSelector("input[type=checkbox]")).click();
    group.findElement(By.cssSelector("button.add")).click();
    browser.until(d -> d.findElement(By.id("status")).getText().startsWith("Added"));
    assertThat(driver.findElement(By.id("status")).getText())
        .isEqualTo(
            "Added 2 phrasings to \u201cWhat is inner alignment?\u201d. 1 question of this group left.");
    assertThat(group.findElements(By.cssSelector(".asked li")))
        .extracting(WebElement::getText)
        .containsExactly(asked.get(2));
    // The one left is dismissed: the group leaves the list.
    group.findElement(By.cssSelector("button.dismiss")).click();
    browser.until(d -> d.findElements(By.cssSelector("#groups > li")).size() == 1);
    assertThat(driver.findElements(By.cssSelector("#groups > li")))
        .as("the group dealt with leaves the list")
        .hasSize(1);
    browser.screenshot("admin-added.png");
    driver.manage().window().setSize(new Dimension(390, 844));
    assertThat(HeadlessChromium.number(browser.js("return document.documentElement.scrollWidth")))
        .isLessThanOrEqualTo(390);
    browser.screenshot("admin-small.png");
    driver.manage().window().setSize(new Dimension(1280, 900));
    driver.navigate().refresh(); // signed in still: the token is kept for this tab's session
    browser.until(d -> d.findElements(By.cssSelector("#groups > li")).size() == 1);
    assertThat(driver.findElement(By.cssSelector("#groups > li h3")).getText())
        .as("what was added does not come back")
        .contains("banana bread");

    JsonNode fourth = chat(base, "what's the other alignment problem in Rob Miles' video?");
    assertThat(fourth.path("outcome").asText()).isEqualTo("answer");
    assertThat(fourth.at("/answer/id").asText()).isEqualTo("what-is-inner-alignment");
    browser.assertNoConsoleErrors();
  }

  private static JsonNode chat(String base, String message) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/api/chat"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            new ObjectMapper().writeValueAsString(Map.of("message", message))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }

  // ---------------------------------------------------------------- a conversation

  @Test
  void answersFollowsARelatedQuestionAndTakesFeedback() throws IOException {
    journal.clear();
    SearchContext widget = openDemoPage();
    WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(launcher.getAttribute("aria-controls")).isEqualTo("fb-panel");
    launcher.click();
    assertThat(panelOpen(widget)).isTrue();
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(focused()).as("focus moves to the input on open").isEqualTo("input");
    WebElement log = widget.findElement(By.cssSelector("[role=log]"));
    assertThat(log.getAttribute("aria-live")).isEqualTo("polite");

    WebElement answer = ask(widget, "What is inner alignment?");
    assertThat(answer.getText())
        .contains("Inner alignment is the problem of making sure")
        .contains("Video: The OTHER AI Alignment Problem: Mesa-Optimizers and Inner Alignment")
        .doesNotContain("<u>")
        .doesNotContain("Inner alignment asks");
    assertDrawnIcon(answer.findElement(By.cssSelector(".video svg")));
    assertThat(answer.findElements(By.cssSelector("u")))
        .extracting(WebElement::getText)
        .contains("Stochastic Gradient Descent", "gradient hacking");
    assertThat(answer.findElement(By.cssSelector("details summary")).getText())
        .isEqualTo("Sources (17)");
    List<String> related =
        answer.findElements(By.cssSelector(".chips button")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(related).hasSize(5).contains("What are mesa-optimizers?");
    browser.screenshot("widget.png");

    WebElement mesa =
        answer.findElements(By.cssSelector(".chips button")).stream()
            .filter(b -> b.getText().equals("What are mesa-optimizers?"))
            .findFirst()
            .orElseThrow();
    mesa.click();
    WebElement next = waitForBotMessage(widget, 2);
    assertThat(next.getText())
        .contains("A mesa-optimizer is a trained model that is itself an optimizer");
    assertThat(lastUserMessage(widget)).isEqualTo("What are mesa-optimizers?");

    WebElement thumbsUp =
        next.findElement(By.cssSelector(".rate button[aria-label='Yes, helpful']"));
    WebElement thumbsDown =
        next.findElement(By.cssSelector(".rate button[aria-label='No, not helpful']"));
    for (WebElement thumb : List.of(thumbsUp, thumbsDown)) {
      // Drawn, not emoji text: an emoji shows as an empty box where no emoji font is installed.
      assertThat(thumb.getText()).as("no text in the button, only its icon").isEmpty();
      assertThat(thumb.getAccessibleName()).isEqualTo(thumb.getAttribute("aria-label"));
      assertThat(thumb.getRect().getWidth()).as("button width").isGreaterThan(10);
      assertDrawnIcon(thumb.findElement(By.cssSelector("svg")));
    }
    assertThat(next.getText()).contains("Was this helpful?");
    browser.js(
        "arguments[0].scrollIntoView({block: 'end'})", next.findElement(By.cssSelector(".rate")));
    browser.screenshot("widget-rating.png");
    thumbsUp.click();
    browser.until(d -> next.getText().contains("Thanks for your feedback!"));
    assertThat(thumbsUp.getAttribute("aria-pressed")).isEqualTo("true");
    browser.js(
        "arguments[0].scrollIntoView({block: 'end'})", next.findElement(By.cssSelector(".rate")));
    browser.screenshot("widget-feedback.png");
    assertThat(journal.records())
        .filteredOn(r -> FeedbackRecord.FEEDBACK.equals(r.type()))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.answerId()).isEqualTo("what-are-mesa-optimizers");
              assertThat(r.helpful()).isTrue();
              assertThat(r.question()).isEqualTo("What are mesa-optimizers?");
              assertThat(r.channel()).isEqualTo("web");
            });
    browser.assertNoConsoleErrors();
  }

  @Test
  void suggestsQuestionsWhileTypingAndPicksOneWithTheKeyboard() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement input = widget.findElement(By.cssSelector("input"));
    assertThat(input.getAttribute("role")).isEqualTo("combobox");
    input.sendKeys("mesa");
    WebElement listbox = widget.findElement(By.cssSelector("[role=listbox]"));
    browser.until(d -> listbox.isDisplayed() && !options(widget).isEmpty());
    assertThat(input.getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(input.getAttribute("aria-controls")).isEqualTo(listbox.getAttribute("id"));
    List<String> offered = options(widget).stream().map(WebElement::getText).toList();
    assertThat(offered)
        .isNotEmpty()
        .hasSizeLessThanOrEqualTo(5)
        .allSatisfy(q -> assertThat(q.toLowerCase()).contains("mesa"));

    input.sendKeys(Keys.ARROW_DOWN);
    WebElement first = options(widget).get(0);
    assertThat(first.getAttribute("aria-selected")).isEqualTo("true");
    assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
    input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_UP);
    assertThat(input.getAttribute("aria-activedescendant")).isEqualTo(first.getAttribute("id"));
    input.sendKeys(Keys.ENTER);

    WebElement answer = waitForBotMessage(widget, 1);
    assertThat(lastUserMessage(widget)).isEqualTo(offered.get(0));
    assertThat(answer.getText()).contains("Here is what the FAQ says");
    assertThat(listbox.isDisplayed()).isFalse();
    assertThat(input.getAttribute("value")).isEmpty();
  }

  @Test
  void asksWhichWasMeantAndAnswersTheChoiceClicked() throws IOException {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    // Between two entries: neither clearly answers it, so the bot asks which was meant.
    WebElement clarify = ask(widget, "How does AI control differ from boxing an AI?");
    assertThat(clarify.getText()).contains("Did you mean").doesNotContain("Sorry");
    assertThat(clarify.findElements(By.cssSelector(".rate"))).isEmpty();
    WebElement group = clarify.findElement(By.cssSelector(".chips[role=group]"));
    List<WebElement> choices = group.findElements(By.cssSelector("button"));
    assertThat(choices)
        .extracting(WebElement::getText)
        .contains("What is AI control?", "Can't we just keep a dangerous AI in a box?");
    browser.screenshot("widget-clarify.png");
    choices.stream()
        .filter(b -> b.getText().equals("What is AI control?"))
        .findFirst()
        .orElseThrow()
        .click();
    WebElement answer = waitForBotMessage(widget, 2);
    assertThat(answer.getText())
        .contains("Here is what the FAQ says on \u201cWhat is AI control?\u201d");
    assertThat(lastUserMessage(widget)).isEqualTo("What is AI control?");
    browser.assertNoConsoleErrors();
  }

  @Test
  void declinesAQuestionFarFromEveryEntry() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement declined = ask(widget, "what's the best pizza in Naples?");
    assertThat(declined.getText()).contains("Sorry, I don't have an answer to that");
    assertThat(declined.findElements(By.cssSelector(".chips button"))).isEmpty();
    assertThat(declined.findElements(By.cssSelector(".rate"))).isEmpty();
  }

  @Test
  void greetsSmallTalkWithQuestionsToStartWith() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement hello = ask(widget, "hi");
    assertThat(hello.getText()).startsWith("Hi!").contains("You could ask").doesNotContain("Sorry");
    List<WebElement> starters = hello.findElements(By.cssSelector(".chips button"));
    assertThat(starters).hasSize(3);
    String question = starters.get(0).getText();
    starters.get(0).click();
    WebElement answer = waitForBotMessage(widget, 2);
    assertThat(answer.getText())
        .contains("Here is what the FAQ says on \u201c" + question + "\u201d");
  }

  @Test
  void showsAnApiErrorPolitely() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement input = widget.findElement(By.cssSelector("input"));
    // Past the message limit, as a long paste would be.
    String tooLong = "why ".repeat(Answerer.MAX_MESSAGE_CHARS / 4 + 25).strip();
    browser.js("arguments[0].value = arguments[1];", input, tooLong);
    widget.findElement(By.cssSelector("button.send")).click();
    WebElement error =
        new WebDriverWait(driver, WAIT)
            .until(
                d ->
                    widget.findElements(By.cssSelector(".msg.err")).stream()
                        .findFirst()
                        .orElse(null));
    assertThat(error.getText())
        .startsWith("Sorry")
        .contains("the limit is " + Answerer.MAX_MESSAGE_CHARS)
        .doesNotContain("{")
        .doesNotContain("\"error\"");
    // Nothing typed is lost: the refused message is back in the box, whole, to be shortened.
    assertThat(input.getDomProperty("value")).isEqualTo(tooLong);
  }

  @Test
  void theReplyToALongQuestionIsScrolledIntoView() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement input = widget.findElement(By.cssSelector("input"));
    // As people write under a video: their reasoning first, taller than the log, then the question.
    String question =
        "I am not sure training only rewards what we can see. ".repeat(30)
            + "So could a model pretend to be aligned during training?";
    browser.js("arguments[0].value = arguments[1];", input, question);
    widget.findElement(By.cssSelector("button.send")).click();
    WebElement reply = waitForBotMessage(widget, 1);
    WebElement log = widget.findElement(By.cssSelector(".log"));
    browser.until(
        d -> {
          double top = HeadlessChromium.number(browser.js("return arguments[0].offsetTop;", reply));
          double scrolled =
              HeadlessChromium.number(browser.js("return arguments[0].scrollTop;", log));
          double height =
              HeadlessChromium.number(browser.js("return arguments[0].clientHeight;", log));
          return top >= scrolled && top < scrolled + height;
        });
  }

  // ---------------------------------------------------------------- hostile text

  @Test
  void aHostileMessageIsShownAsText() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement reply = ask(widget, XSS_MESSAGE);
    assertThat(lastUserMessage(widget)).isEqualTo(XSS_MESSAGE);
    assertThat(reply.getText()).isNotBlank();
    pause(500); // time for any injected handler to have run
    assertNotPwned(widget);
  }

  @Test
  void hostileCorpusTextIsShownAsText() throws IOException {
    Path dir = Files.createTempDirectory("faqbot-hostile-");
    cleanups.add(() -> Fixtures.deleteTree(dir));
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(
        corpus.resolve("hostile.txt"),
        String.join(
            "\n",
            "Question: What does the hostile entry say?",
            "",
            "\u25a0 <script>window.__pwned=1</script> The video",
            "",
            "This answer has <u>a marked phrase</u> and <img src=x onerror=window.__pwned=1> in it.",
            "",
            "> A quote with <script>window.__pwned=1</script> inside.",
            "",
            "- a bullet with <b onmouseover=window.__pwned=1>bold</b> markup",
            "- another <u>marked</u> bullet",
            "",
            "Related",
            "",
            "- What is the other <svg onload=window.__pwned=1> entry?",
            "",
            "Sources",
            "",
            "- Someone, A. (Jan 2024) A paper <img src=x onerror=window.__pwned=1> https://example.org/paper",
            "- javascript:window.__pwned=1",
            ""),
        StandardCharsets.UTF_8);
    Files.writeString(
        corpus.resolve("other.txt"),
        String.join(
            "\n",
            "Question: What is the other <svg onload=window.__pwned=1> entry?",
            "",
            "The other entry, with <iframe src=javascript:window.__pwned=1></iframe> in it.",
            ""),
        StandardCharsets.UTF_8);
    Bot hostile = Bot.open(corpus, dir.resolve("index"), true, r -> {});
    cleanups.add(0, hostile::close);
    Javalin server =
        HttpApp.create(hostile.answerer(), new HttpOptions(List.of(), List.of(), Journal.NONE))
            .start(0);
    cleanups.add(0, server::stop);

    SearchContext widget = openPage("http://127.0.0.1:" + server.port() + "/");
    widget.findElement(By.cssSelector("button.launcher")).click();
    WebElement answer = ask(widget, "What does the hostile entry say?");
    String text = answer.getText();
    assertThat(text)
        .contains("<script>window.__pwned=1</script> The video")
        .contains("This answer has a marked phrase and <img src=x onerror=window.__pwned=1> in it.")
        .contains("A quote with <script>window.__pwned=1</script> inside.")
        .contains("a bullet with <b onmouseover=window.__pwned=1>bold</b> markup");
    assertThat(answer.findElements(By.cssSelector("u")))
        .extracting(WebElement::getText)
        .containsExactly("a marked phrase", "marked");
    assertThat(answer.findElements(By.cssSelector("blockquote"))).hasSize(1);
    assertThat(answer.findElements(By.cssSelector("ul li"))).hasSize(2);

    answer.findElement(By.cssSelector("details summary")).click();
    List<WebElement> links = answer.findElements(By.cssSelector("details a"));
    assertThat(links).as("only the http(s) source is a link").hasSize(1);
    WebElement link = links.get(0);
    assertThat(link.getAttribute("href")).isEqualTo("https://example.org/paper");
    assertThat(link.getAttribute("target")).isEqualTo("_blank");
    assertThat(link.getAttribute("rel")).isEqualTo("noopener noreferrer");
    assertThat(link.getText()).contains("<img src=x onerror=window.__pwned=1>");
    assertThat(answer.findElements(By.cssSelector("details li")).get(1).getText())
        .isEqualTo("javascript:window.__pwned=1");

    WebElement related = answer.findElement(By.cssSelector(".chips button"));
    assertThat(related.getText())
        .isEqualTo("What is the other <svg onload=window.__pwned=1> entry?");
    related.click();
    WebElement other = waitForBotMessage(widget, 2);
    assertThat(other.getText()).contains("<iframe src=javascript:window.__pwned=1></iframe>");
    pause(500);
    assertNotPwned(widget);
  }

  // ---------------------------------------------------------------- keyboard, layout, isolation

  @Test
  void escapeClosesThePanelAndFocusReturnsToTheLauncher() {
    SearchContext widget = openDemoPage();
    WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
    launcher.sendKeys(Keys.ENTER);
    assertThat(panelOpen(widget)).isTrue();
    assertThat(focused()).isEqualTo("input");
    WebElement input = widget.findElement(By.cssSelector("input"));

    // With suggestions showing, Escape first closes them, then the panel.
    input.sendKeys("mesa");
    browser.until(d -> !options(widget).isEmpty());
    input.sendKeys(Keys.ESCAPE);
    assertThat(widget.findElement(By.cssSelector("[role=listbox]")).isDisplayed()).isFalse();
    assertThat(panelOpen(widget)).isTrue();
    input.sendKeys(Keys.ESCAPE);
    assertThat(panelOpen(widget)).isFalse();
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
    assertThat(focused()).as("focus returns to the launcher").isEqualTo("launcher");

    // The close button does the same.
    launcher.sendKeys(Keys.ENTER);
    assertThat(panelOpen(widget)).isTrue();
    widget.findElement(By.cssSelector("button[aria-label=Close]")).click();
    assertThat(panelOpen(widget)).isFalse();
    assertThat(focused()).isEqualTo("launcher");
  }

  @Test
  void focusIsVisible() {
    SearchContext widget = openDemoPage();
    WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
    launcher.sendKeys(Keys.ENTER);
    widget.findElement(By.cssSelector("input")).sendKeys(Keys.TAB);
    assertThat(focused()).isEqualTo("send");
    String outline =
        (String)
            browser.js(
                "const s = getComputedStyle(arguments[0]);"
                    + " return s.outlineStyle + ' ' + s.outlineWidth",
                widget.findElement(By.cssSelector("button.send")));
    assertThat(outline)
        .as("the focused send button's outline")
        .startsWith("solid")
        .doesNotEndWith(" 0px");
  }

  @Test
  void fillsTheScreenOnASmallScreen() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    ask(widget, "What is inner alignment?");
    @SuppressWarnings("unchecked")
    Map<String, Object> box =
        (Map<String, Object>)
            browser.js(
                "const r = arguments[0].getBoundingClientRect();"
                    + " return {x: r.left, y: r.top, w: r.width, h: r.height, vw: innerWidth, vh: innerHeight};",
                widget.findElement(By.cssSelector(".panel")));
    assertThat(HeadlessChromium.number(box.get("x"))).isZero();
    assertThat(HeadlessChromium.number(box.get("y"))).isZero();
    assertThat(HeadlessChromium.number(box.get("w")))
        .isEqualTo(HeadlessChromium.number(box.get("vw")));
    assertThat(HeadlessChromium.number(box.get("h")))
        .isEqualTo(HeadlessChromium.number(box.get("vh")));
    browser.screenshot("widget-small-screen.png");
  }

  @Test
  void theHostPagesCssDoesNotReachIntoTheWidget() {
    SearchContext widget = openDemoPage();
    widget.findElement(By.cssSelector("button.launcher")).click();
    ask(widget, "What is inner alignment?");
    Map<String, String> before = widgetStyles();
    assertThat(before.get("panel position")).isEqualTo("fixed");
    assertThat(before.get("launcher border-radius")).isEqualTo("50%");

    // A constructed sheet, so that the demo page's strict style-src cannot block it; a <style>
    // element too.
    browser.js(
        "const css = '* { color: red !important; font-size: 40px } faqbot-widget { display: none !important }"
            + " button, p, input { font-family: monospace !important; background: yellow !important }';"
            + "const sheet = new CSSStyleSheet(); sheet.replaceSync(css);"
            + "document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];"
            + "const style = document.createElement('style'); style.textContent = css; document.head.appendChild(style);");
    assertThat(browser.js("return getComputedStyle(document.querySelector('main p')).fontSize"))
        .as("the hostile CSS applies")
        .isEqualTo("40px");
    assertThat(browser.js("return getComputedStyle(document.querySelector('main p')).color"))
        .isEqualTo("rgb(255, 0, 0)");

    assertThat(widgetStyles()).isEqualTo(before);
    assertThat(widget.findElement(By.cssSelector(".panel")).isDisplayed()).isTrue();
  }

  @Test
  void anotherSitesPageUsesTheApiWhenItsOriginIsAllowed() throws IOException {
    Javalin site =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.routes.get(
                      "/",
                      ctx ->
                          ctx.html(
                              "<!doctype html><title>Another site</title><p>A host page</p>"
                                  + "<script src=\""
                                  + ctx.queryParam("widget")
                                  + "\" data-title=\"Help desk\" data-theme=\"dark\""
                                  + " data-position=\"bottom-left\" data-open data-placeholder=\"Your question here\" async></script>"));
                })
            .start(0);
    cleanups.add(site::stop);
    String siteOrigin = "http://127.0.0.1:" + site.port();

    // Allowed: the widget loaded from the FAQ server talks to it from the other site's page.
    Javalin allowing =
        HttpApp.create(
                Fixtures.bundledBot().answerer(),
                new HttpOptions(List.of(siteOrigin), List.of(), Journal.NONE))
            .start(0);
    cleanups.add(0, allowing::stop);
    SearchContext widget =
        openPage(siteOrigin + "/?widget=http://127.0.0.1:" + allowing.port() + "/widget.js");
    assertThat(panelOpen(widget)).as("data-open").isTrue();
    assertThat(widget.findElement(By.cssSelector("h2")).getText()).isEqualTo("Help desk");
    assertThat(widget.findElement(By.cssSelector("input")).getAttribute("placeholder"))
        .isEqualTo("Your question here");
    assertThat(widget.findElement(By.cssSelector(".fb")).getAttribute("class"))
        .contains("dark")
        .contains("left");
    // The browser's own parts (scroll bars, the input's caret) follow the theme too.
    assertThat(widget.findElement(By.cssSelector(".fb")).getCssValue("color-scheme"))
        .isEqualTo("dark");
    WebElement launcher = widget.findElement(By.cssSelector("button.launcher"));
    assertThat(launcher.getRect().getX()).as("bottom-left").isLessThan(100);
    WebElement answer = ask(widget, "What is inner alignment?");
    assertThat(answer.getText()).contains("Inner alignment is the problem");
    browser.screenshot("widget-dark-left.png");

    // Not allowed: the browser keeps the answer from the page, and the widget says so politely.
    Javalin refusing = HttpApp.create(Fixtures.bundledBot().answerer()).start(0);
    cleanups.add(0, refusing::stop);
    SearchContext refused =
        openPage(siteOrigin + "/?widget=http://127.0.0.1:" + refusing.port() + "/widget.js");
    WebElement input = refused.findElement(By.cssSelector("input"));
    input.sendKeys("What is inner alignment?", Keys.ENTER);
    WebElement error =
        new WebDriverWait(driver, WAIT)
            .until(
                d ->
                    refused.findElements(By.cssSelector(".msg.err")).stream()
                        .findFirst()
                        .orElse(null));
    assertThat(error.getText()).startsWith("Sorry").contains("cannot be reached");
  }

  // ---------------------------------------------------------------- helpers

  private static SearchContext openDemoPage() {
    return openPage("http://127.0.0.1:" + app.port() + "/");
  }

  /** Loads a page and returns the widget's shadow root once the widget is there. */
  private static SearchContext openPage(String url) {
    driver.get(url);
    WebElement host =
        new WebDriverWait(driver, WAIT)
            .until(
                d ->
                    d.findElements(By.cssSelector("faqbot-widget")).stream()
                        .findFirst()
                        .orElse(null));
    return host.getShadowRoot();
  }

  private static boolean panelOpen(SearchContext widget) {
    return widget.findElement(By.cssSelector(".panel")).isDisplayed();
  }

  /** Types a question, sends it, and returns the bot's answer to it. */
  private static WebElement ask(SearchContext widget, String question) {
    int before = widget.findElements(By.cssSelector(".msg.bot")).size();
    WebElement input = widget.findElement(By.cssSelector("input"));
    input.sendKeys(question);
    widget.findElement(By.cssSelector("button.send")).click();
    return waitForBotMessage(widget, before + 1);
  }

  /** Waits until the widget shows {@code count} bot answers, and returns the last. */
  private static WebElement waitForBotMessage(SearchContext widget, int count) {
    return new WebDriverWait(driver, WAIT)
        .until(
            d -> {
              List<WebElement> messages = widget.findElements(By.cssSelector(".msg.bot"));
              return messages.size() >= count ? messages.get(count - 1) : null;
            });
  }

  private static String lastUserMessage(SearchContext widget) {
    List<WebElement> mine = widget.findElements(By.cssSelector(".msg.me"));
    return mine.get(mine.size() - 1).getText();
  }

  private static List<WebElement> options(SearchContext widget) {
    return widget.findElements(By.cssSelector("[role=listbox] [role=option]"));
  }

  /** What has the focus inside the widget: "input", "launcher", another class name, or "none". */
  private static String focused() {
    return (String)
        browser.js(
            "const w = document.querySelector('faqbot-widget');"
                + "const a = w && document.activeElement === w ? w.shadowRoot.activeElement : null;"
                + "return !a ? 'none' : a.tagName === 'INPUT' ? 'input' : a.className;");
  }

  private static void assertNotPwned(SearchContext widget) {
    assertThat(browser.js("return typeof window.__pwned")).isEqualTo("undefined");
    assertThat(widget.findElements(By.cssSelector("img, script, svg[onload], iframe, b")))
        .isEmpty();
    assertThat(driver.findElements(By.cssSelector("img, iframe"))).isEmpty();
  }

  /** Computed styles of the widget's parts that page CSS would most likely change. */
  private static Map<String, String> widgetStyles() {
    Map<String, String> styles = new LinkedHashMap<>();
    @SuppressWarnings("unchecked")
    Map<String, String> read =
        (Map<String, String>)
            browser.js(
                "const root = document.querySelector('faqbot-widget').shadowRoot; const out = {};"
                    + "const parts = {launcher: '.launcher', panel: '.panel', title: 'h2', answer: '.msg.bot p:not(.reply)',"
                    + " input: 'input', send: '.send', chip: '.chip', log: '[role=log]'};"
                    + "for (const [name, sel] of Object.entries(parts)) { const s = getComputedStyle(root.querySelector(sel));"
                    + " for (const p of ['color', 'font-size', 'font-family', 'background-color', 'display', 'position',"
                    + " 'border-radius', 'width']) out[name + ' ' + p] = s.getPropertyValue(p); }"
                    + "return out;");
    styles.putAll(read);
    return styles;
  }

  /**
   * Asserts an inline SVG icon that screen readers skip and that draws a path of a visible size.
   */
  private static void assertDrawnIcon(WebElement svg) {
    assertThat(svg.getAttribute("aria-hidden")).isEqualTo("true");
    assertThat(svg.getRect().getWidth()).as("icon width").isGreaterThanOrEqualTo(10);
    assertThat(svg.getRect().getHeight()).as("icon height").isGreaterThanOrEqualTo(10);
    WebElement path = svg.findElement(By.cssSelector("path"));
    assertThat(path.getAttribute("d")).isNotBlank();
    @SuppressWarnings("unchecked")
    Map<String, Object> drawn =
        (Map<String, Object>)
            browser.js(
                "const box = arguments[0].getBBox();"
                    + " return {width: box.width, height: box.height, fill: getComputedStyle(arguments[0]).fill};",
                path);
    assertThat(HeadlessChromium.number(drawn.get("width")))
        .as("drawn width in the icon's 24 units")
        .isGreaterThan(8);
    assertThat(HeadlessChromium.number(drawn.get("height")))
        .as("drawn height in the icon's 24 units")
        .isGreaterThan(8);
    assertThat((String) drawn.get("fill"))
        .as("fill")
        .isNotEqualTo("none")
        .doesNotContain("rgba(0, 0, 0, 0)");
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
