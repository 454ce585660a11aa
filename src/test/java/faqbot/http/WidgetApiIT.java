package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.answer.Json;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.Journal;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server side of the chat widget over a real, started server on the bundled corpus: typing
 * suggestions, feedback into the journal, CORS for the listed origins only, the security headers,
 * and the widget and demo page served from the classpath.
 */
class WidgetApiIT {
  private static final String SEED_ID = "what-is-inner-alignment";
  private static final String ALLOWED = "https://a.example";
  private static final String ALSO_ALLOWED = "http://localhost:8081";
  private static final String DENIED = "https://evil.example";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private static Answerer answerer;
  private static final RecordingJournal journal = new RecordingJournal();

  /** Allows two origins and records feedback. */
  private static Javalin app;

  /** The defaults: same origin only, feedback kept nowhere. */
  private static Javalin sameOriginOnly;

  @BeforeAll
  static void start() {
    answerer = Fixtures.bundledBot().answerer();
    app =
        HttpApp.create(
                answerer, new HttpOptions(List.of(ALLOWED, ALSO_ALLOWED + "/"), List.of(), journal))
            .start(0);
    sameOriginOnly = HttpApp.create(answerer).start(0);
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.stop();
    }
    if (sameOriginOnly != null) {
      sameOriginOnly.stop();
    }
  }

  @BeforeEach
  void clearJournal() {
    journal.clear();
  }

  // ---------------------------------------------------------------- suggest

  @Test
  void suggestOffersQuestionsForWhatIsTyped() {
    HttpResponse<String> response = get(app, "/api/suggest?q=mesa");
    assertThat(response.statusCode()).isEqualTo(200);
    assertJsonType(response);
    JsonNode body = json(response);
    assertThat(fieldNames(body)).containsExactly("query", "suggestions");
    assertThat(body.get("query").asText()).isEqualTo("mesa");
    JsonNode suggestions = body.get("suggestions");
    assertThat(suggestions.size()).isBetween(1, SuggestHandler.DEFAULT_LIMIT);
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode s : suggestions) {
      assertThat(fieldNames(s)).containsExactlyInAnyOrder("id", "question");
      assertThat(answerer.entry(s.get("id").asText()))
          .as("suggested id %s exists", s.get("id"))
          .isPresent();
      assertThat(s.get("question").asText().toLowerCase()).contains("mesa");
      ids.add(s.get("id").asText());
    }
    assertThat(ids)
        .as("one suggestion per entry")
        .hasSize(suggestions.size())
        .contains("what-are-mesa-optimizers");
    assertThat(body.get("suggestions"))
        .isEqualTo(Json.mapper().valueToTree(answerer.suggest("mesa", 5)));
  }

  @Test
  void suggestHonoursTheLimitUpToTheMaximum() {
    assertThat(json(get(app, "/api/suggest?q=what&limit=1")).get("suggestions")).hasSize(1);
    HttpResponse<String> most = get(app, "/api/suggest?q=what&limit=" + SuggestHandler.MAX_LIMIT);
    assertThat(most.statusCode()).isEqualTo(200);
    assertThat(json(most).get("suggestions").size()).isBetween(2, SuggestHandler.MAX_LIMIT);
  }

  @Test
  void suggestKeepsTheQueryAsTypedAndAnswersNothingForOneLetter() {
    String typed = "<b>inner</b> align";
    JsonNode body =
        json(get(app, "/api/suggest?q=" + URLEncoder.encode(typed, StandardCharsets.UTF_8)));
    assertThat(body.get("query").asText()).isEqualTo(typed);
    assertThat(json(get(app, "/api/suggest?q=m")).get("suggestions")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "11", "-1", "abc", "2.5", ""})
  void suggestRefusesALimitOutOfRange(String limit) {
    HttpResponse<String> response = get(app, "/api/suggest?q=mesa&limit=" + limit);
    assertThat(response.statusCode()).isEqualTo(400);
    assertError(response).contains("'" + limit + "'").contains("1 to " + SuggestHandler.MAX_LIMIT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/suggest", "/api/suggest?q=", "/api/suggest?q=+++", "/api/suggest?limit=3"})
  void suggestRefusesAMissingQuery(String path) {
    HttpResponse<String> response = get(app, path);
    assertThat(response.statusCode()).isEqualTo(400);
    assertError(response).contains("'q'");
  }

  @Test
  void suggestRefusesAQueryOverTheLimit() {
    HttpResponse<String> response =
        get(app, "/api/suggest?q=" + "a".repeat(Answerer.MAX_MESSAGE_CHARS + 1));
    assertThat(response.statusCode()).isEqualTo(400);
    assertError(response)
        .contains("'q'")
        .contains(String.valueOf(Answerer.MAX_MESSAGE_CHARS + 1))
        .contains("1 to " + Answerer.MAX_MESSAGE_CHARS);
  }

  // ---------------------------------------------------------------- feedback

  @Test
  void feedbackIsAppendedToTheJournalAndAcknowledgedWith201() {
    HttpResponse<String> response =
        postJson(
            app,
            "/api/feedback",
            "{\"answerId\":\""
                + SEED_ID
                + "\",\"helpful\":true,\"question\":\"What is inner alignment?\"}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertJsonType(response);
    assertThat(json(response)).isEqualTo(JSON.createObjectNode().put("recorded", true));

    assertThat(journal.records()).hasSize(1);
    FeedbackRecord record = journal.records().get(0);
    assertThat(record.type()).isEqualTo(FeedbackRecord.FEEDBACK);
    assertThat(record.answerId()).isEqualTo(SEED_ID);
    assertThat(record.helpful()).isTrue();
    assertThat(record.question()).isEqualTo("What is inner alignment?");
    assertThat(record.channel()).isEqualTo("web");
    assertThat(record.time()).isNotBlank();
  }

  @Test
  void feedbackWithoutAQuestionIsRecordedToo() {
    HttpResponse<String> response =
        postJson(app, "/api/feedback", "{\"answerId\":\"" + SEED_ID + "\",\"helpful\":false}");
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(journal.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.helpful()).isFalse();
              assertThat(r.question()).isNull();
            });
  }

  @Test
  void feedbackAcceptsAQuestionAtTheLimit() {
    String question = "q".repeat(FeedbackHandler.MAX_QUESTION_CHARS);
    HttpResponse<String> response = postJson(app, "/api/feedback", body(SEED_ID, true, question));
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(journal.records())
        .singleElement()
        .extracting(FeedbackRecord::question)
        .isEqualTo(question);
  }

  @Test
  void feedbackIsAcknowledgedOnlyAfterTheJournalReturns() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Journal slow =
        record -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    Javalin blocking =
        HttpApp.create(answerer, new HttpOptions(List.of(), List.of(), slow)).start(0);
    try {
      CompletableFuture<HttpResponse<String>> pending =
          HTTP.sendAsync(
              jsonRequest(blocking, "/api/feedback", body(SEED_ID, true, "q")).build(),
              BodyHandlers.ofString());
      assertThat(entered.await(10, TimeUnit.SECONDS)).as("the journal was called").isTrue();
      Thread.sleep(300);
      assertThat(pending).as("no answer while the append is running").isNotDone();
      release.countDown();
      assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
    } finally {
      release.countDown();
      blocking.stop();
    }
  }

  @Test
  void feedbackThatCannotBeWrittenIs503() {
    Javalin broken =
        HttpApp.create(
                answerer, new HttpOptions(List.of(), List.of(), new RecordingJournal().failing()))
            .start(0);
    try {
      HttpResponse<String> response = postJson(broken, "/api/feedback", body(SEED_ID, true, "q"));
      assertThat(response.statusCode()).isEqualTo(503);
      assertJsonType(response);
      assertThat(response.body()).doesNotContain("disk full").doesNotContain("Exception");
      assertThat(fieldNames(json(response))).containsExactly("error");
      assertThat(json(response).get("error").asText()).contains("try again");
    } finally {
      broken.stop();
    }
  }

  static Stream<Arguments> badFeedback() {
    String overLimit = "q".repeat(FeedbackHandler.MAX_QUESTION_CHARS + 1);
    return Stream.of(
        Arguments.of(
            "unknown answer id",
            "{\"answerId\":\"no-such-entry\",\"helpful\":true}",
            "no-such-entry"),
        Arguments.of("missing answer id", "{\"helpful\":true}", "\"answerId\""),
        Arguments.of("answer id a number", "{\"answerId\":7,\"helpful\":true}", "\"answerId\""),
        Arguments.of("missing helpful", "{\"answerId\":\"" + SEED_ID + "\"}", "\"helpful\""),
        Arguments.of(
            "helpful null", "{\"answerId\":\"" + SEED_ID + "\",\"helpful\":null}", "\"helpful\""),
        Arguments.of(
            "helpful a string",
            "{\"answerId\":\"" + SEED_ID + "\",\"helpful\":\"yes\"}",
            "true or false"),
        Arguments.of(
            "helpful a number",
            "{\"answerId\":\"" + SEED_ID + "\",\"helpful\":1}",
            "true or false"),
        Arguments.of(
            "question a number",
            "{\"answerId\":\"" + SEED_ID + "\",\"helpful\":true,\"question\":5}",
            "\"question\""),
        Arguments.of(
            "question over the limit",
            body(SEED_ID, true, overLimit),
            String.valueOf(FeedbackHandler.MAX_QUESTION_CHARS)),
        Arguments.of("malformed JSON", "{\"answerId\":", "malformed JSON"),
        Arguments.of("a JSON array", "[true]", "JSON object"),
        Arguments.of("empty body", "", "empty"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFeedback")
  void feedbackRefusesBadBodiesAndRecordsNothing(String what, String body, String mentioned) {
    HttpResponse<String> response = postJson(app, "/api/feedback", body);
    assertThat(response.statusCode()).as(what).isEqualTo(400);
    assertError(response).contains(mentioned);
    assertThat(journal.records()).isEmpty();
  }

  @Test
  void feedbackRefusesAnotherContentType() {
    HttpResponse<String> response =
        send(
            request(app, "/api/feedback")
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(body(SEED_ID, true, "q"))));
    assertThat(response.statusCode()).isEqualTo(415);
    assertError(response).contains("application/json");
    assertThat(journal.records()).isEmpty();
  }

  @Test
  void feedbackIsPostOnly() {
    HttpResponse<String> response = get(app, "/api/feedback");
    assertThat(response.statusCode()).isEqualTo(405);
    assertError(response).contains("GET");
  }

  // ---------------------------------------------------------------- CORS

  @ParameterizedTest
  @ValueSource(strings = {ALLOWED, ALSO_ALLOWED})
  void anAllowedOriginIsNamedInTheResponse(String origin) {
    HttpResponse<String> response =
        send(request(app, "/api/suggest?q=mesa").header("Origin", origin).GET());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(origin);
    assertThat(response.headers().firstValue("Vary"))
        .hasValueSatisfying(v -> assertThat(v).contains("Origin"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void anAllowedOriginCanPostAndReadErrors() {
    HttpResponse<String> ok =
        send(
            jsonRequest(app, "/api/chat", "{\"message\":\"What is inner alignment?\"}")
                .header("Origin", ALLOWED));
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
    HttpResponse<String> bad = send(jsonRequest(app, "/api/chat", "{}").header("Origin", ALLOWED));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        DENIED,
        "https://a.example.evil.example",
        "http://a.example",
        "https://a.example:8443",
        "null",
        "not an origin"
      })
  void anotherOriginGetsNoCorsHeaders(String origin) {
    HttpResponse<String> response =
        send(request(app, "/api/suggest?q=mesa").header("Origin", origin).GET());
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void byDefaultNoOriginIsAllowed() {
    HttpResponse<String> response =
        send(request(sameOriginOnly, "/api/suggest?q=mesa").header("Origin", ALLOWED).GET());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> preflight =
        preflight(sameOriginOnly, "/api/chat", ALLOWED, "POST", "content-type");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/chat",
        "/api/feedback",
        "/api/suggest",
        "/api/search",
        "/api/faq/" + SEED_ID
      })
  void aPreflightFromAnAllowedOriginIsAnswered(String path) {
    String method = path.equals("/api/chat") || path.equals("/api/feedback") ? "POST" : "GET";
    HttpResponse<String> response = preflight(app, path, ALLOWED, method, "content-type");
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
        .containsExactly(ALLOWED);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains(method);
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow())
        .containsIgnoringCase("content-type");
    assertThat(response.headers().firstValue("Access-Control-Max-Age"))
        .hasValue(String.valueOf(Cors.MAX_AGE_SECONDS));
    assertThat(response.headers().firstValue("Vary").orElseThrow()).contains("Origin");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    response.headers().map().values().forEach(values -> assertThat(values).doesNotContain("*"));
  }

  static Stream<Arguments> refusedPreflights() {
    return Stream.of(
        Arguments.of("another origin", DENIED, "POST", "content-type", DENIED),
        Arguments.of("the null origin", "null", "POST", "content-type", "null"),
        Arguments.of("another method", ALLOWED, "DELETE", "content-type", "DELETE"),
        Arguments.of("another header", ALLOWED, "POST", "content-type, x-secret", "x-secret"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedPreflights")
  void aPreflightOutsideThePolicyIsRefused(
      String what, String origin, String method, String headers, String mentioned) {
    HttpResponse<String> response = preflight(app, "/api/chat", origin, method, headers);
    assertThat(response.statusCode()).as(what).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
    assertError(response).contains(mentioned);
  }

  @Test
  void optionsWithoutAnOriginListsTheMethods() {
    HttpResponse<String> response =
        send(request(app, "/api/chat").method("OPTIONS", BodyPublishers.noBody()));
    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.headers().firstValue("Allow").orElseThrow())
        .contains("POST")
        .contains("OPTIONS");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void allowedOriginsAreCheckedAndWrittenAsBrowsersSendThem() {
    assertThat(
            new HttpOptions(
                    List.of("HTTPS://A.Example/", "https://b.example:443", "http://c.example:8080"),
                    List.of(),
                    Journal.NONE)
                .allowedOrigins())
        .containsExactly("https://a.example", "https://b.example", "http://c.example:8080");
    for (String bad :
        List.of(
            "*",
            "null",
            "a.example",
            "ftp://a.example",
            "https://a.example/path",
            "https://a.example?x=1",
            "https://user@a.example",
            "")) {
      assertThatThrownBy(() -> HttpOptions.origin(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("https://example.org");
    }
    assertThatThrownBy(() -> HttpOptions.origin("*")).hasMessageContaining("never");
  }

  // ---------------------------------------------------------------- widget, demo page, headers

  @Test
  void theWidgetIsServedAsJavaScriptWithAShortCache() throws IOException {
    HttpResponse<String> response = get(app, "/widget.js");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().allValues("Content-Type"))
        .containsExactly("application/javascript; charset=utf-8");
    String cache = response.headers().firstValue("Cache-Control").orElseThrow();
    Matcher maxAge = Pattern.compile("max-age=(\\d+)").matcher(cache);
    assertThat(maxAge.find()).as(cache).isTrue();
    assertThat(Integer.parseInt(maxAge.group(1))).isBetween(1, 3600);

    String script = response.body();
    try (var in = HttpApp.class.getResourceAsStream(Asset.WIDGET)) {
      assertThat(script).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    // Unminified and readable: under 20 KB (about 6 KB compressed) with choices, links and icons.
    assertThat(script.getBytes(StandardCharsets.UTF_8).length)
        .as("widget.js stays small")
        .isLessThan(20_000);
    // Data is only ever shown as text.
    assertThat(script)
        .doesNotContain(
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function");
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    HttpResponse<String> widget =
        send(request(app, "/widget.js").method("HEAD", BodyPublishers.noBody()));
    assertThat(widget.statusCode()).isEqualTo(200);
    assertThat(widget.headers().firstValue("Content-Type"))
        .hasValue("application/javascript; charset=utf-8");
    assertThat(widget.body()).isEmpty();
    HttpResponse<String> page = send(request(app, "/").method("HEAD", BodyPublishers.noBody()));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
  }

  @Test
  void theWidgetIsRevalidatedWithItsETag() {
    HttpResponse<String> first = get(app, "/widget.js");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> again =
        send(request(app, "/widget.js").header("If-None-Match", etag).GET());
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }

  @Test
  void theDemoPageEmbedsTheWidgetWithOneTagUnderAStrictPolicy() throws Exception {
    HttpResponse<String> response = get(app, "/");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String page = response.body();
    Matcher scripts = Pattern.compile("<script\\b[^>]*>").matcher(page);
    assertThat(scripts.find()).isTrue();
    assertThat(scripts.group()).contains("src=\"/widget.js\"").contains("async");
    assertThat(scripts.find()).as("one script tag only").isFalse();
    assertThat(page)
        .doesNotContain("onload=")
        .doesNotContain("onclick=")
        .doesNotContain("javascript:");

    String policy = response.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy)
        .contains(
            "default-src 'none'",
            "script-src 'self'",
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'");
    assertThat(policy).doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
    // The page's own inline style is allowed by its hash, computed here independently.
    Matcher style = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL).matcher(page);
    assertThat(style.find()).isTrue();
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));
    assertThat(policy).contains("style-src 'sha256-" + hash + "'");
  }

  static Stream<Arguments> everyKindOfResponse() {
    return Stream.of(
        Arguments.of("demo page", "GET", "/", null, 200),
        Arguments.of("widget", "GET", "/widget.js", null, 200),
        Arguments.of("suggest", "GET", "/api/suggest?q=mesa", null, 200),
        Arguments.of(
            "chat", "POST", "/api/chat", "{\"message\":\"What is inner alignment?\"}", 200),
        Arguments.of("feedback", "POST", "/api/feedback", body(SEED_ID, true, "q"), 201),
        Arguments.of("health", "GET", "/health", null, 200),
        Arguments.of("bad request", "GET", "/api/suggest?q=mesa&limit=99", null, 400),
        Arguments.of("unknown route", "GET", "/nope", null, 404),
        Arguments.of("wrong method", "GET", "/api/chat", null, 405),
        Arguments.of("preflight", "OPTIONS", "/api/chat", null, 204));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyKindOfResponse")
  void everyResponseCarriesTheSecurityHeaders(
      String what, String method, String path, String body, int status) {
    HttpRequest.Builder builder = request(app, path);
    if (method.equals("OPTIONS")) {
      builder
          .header("Origin", ALLOWED)
          .header("Access-Control-Request-Method", "POST")
          .method("OPTIONS", BodyPublishers.noBody());
    } else if (body != null) {
      builder.header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    } else {
      builder.GET();
    }
    HttpResponse<String> response = send(builder);
    assertThat(response.statusCode()).as(what).isEqualTo(status);
    assertThat(response.headers().allValues("X-Content-Type-Options"))
        .as(what)
        .containsExactly("nosniff");
    assertThat(response.headers().firstValue("Referrer-Policy")).as(what).isPresent();
    String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
    assertThat(
            response.headers().firstValue("X-Frame-Options").orElse("").equals("DENY")
                || policy.contains("frame-ancestors 'none'"))
        .as(what + ": may not be framed")
        .isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/index.html",
        "/public/widget.js",
        "/public/index.html",
        "/widget.js/../pom.xml",
        "/%2e%2e/pom.xml",
        "/simplelogger.properties",
        "/faqbot/http/HttpApp.class",
        "/pom.xml",
        "/corpus/what-is-ai-alignment.txt",
        "/widget.js%00.txt"
      })
  void noRouteServesFilesByTheirName(String path) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base(app) + path)).GET());
    assertThat(response.statusCode()).as(path).isNotEqualTo(200);
    assertThat(response.body())
        .doesNotContain("<project")
        .doesNotContain("Question:")
        .doesNotContain("org.slf4j.simpleLogger")
        .doesNotContain("package faqbot");
  }

  // ---------------------------------------------------------------- helpers

  private static String body(String answerId, boolean helpful, String question) {
    Map<String, Object> body = new HashMap<>();
    body.put("answerId", answerId);
    body.put("helpful", helpful);
    body.put("question", question);
    try {
      return JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String base(Javalin server) {
    return "http://127.0.0.1:" + server.port();
  }

  private static HttpRequest.Builder request(Javalin server, String path) {
    return HttpRequest.newBuilder(URI.create(base(server) + path)).timeout(Duration.ofSeconds(30));
  }

  private static HttpRequest.Builder jsonRequest(Javalin server, String path, String body) {
    return request(server, path)
        .header("Content-Type", "application/json")
        .POST(
            body.isEmpty()
                ? BodyPublishers.noBody()
                : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(Javalin server, String path) {
    return send(request(server, path).GET());
  }

  private static HttpResponse<String> postJson(Javalin server, String path, String body) {
    return send(jsonRequest(server, path, body));
  }

  private static HttpResponse<String> preflight(
      Javalin server, String path, String origin, String method, String headers) {
    return send(
        request(server, path)
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", headers)
            .method("OPTIONS", BodyPublishers.noBody()));
  }

  private static HttpResponse<String> send(HttpRequest.Builder builder) {
    try {
      return HTTP.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("the response is not JSON: " + response.body(), e);
    }
  }

  private static void assertJsonType(HttpResponse<String> response) {
    assertThat(response.headers().allValues("Content-Type"))
        .isNotEmpty()
        .allSatisfy(type -> assertThat(type).startsWith("application/json"));
  }

  /**
   * Asserts an error response: JSON, exactly {"error": "…"}, no stack trace; returns the message.
   */
  private static AbstractStringAssert<?> assertError(HttpResponse<String> response) {
    assertThat(response.statusCode()).isBetween(400, 499);
    assertJsonType(response);
    assertThat(response.body())
        .doesNotContain("at faqbot.")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    JsonNode body = json(response);
    assertThat(fieldNames(body)).containsExactly("error");
    assertThat(body.get("error").asText()).isNotBlank();
    return assertThat(body.get("error").asText());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
