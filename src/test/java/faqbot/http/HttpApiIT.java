package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.answer.EntryView;
import faqbot.answer.Json;
import faqbot.testing.Fixtures;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import io.javalin.testtools.TestCase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JSON API over a real, started server on the bundled corpus: what a client sees for good
 * requests, and that every bad request gets a 4xx JSON error that says what is wrong, never a stack
 * trace.
 */
class HttpApiIT {
  private static final String SEED_ID = "what-is-inner-alignment";
  private static final String SEED_FILE = "What is inner alignment?.txt";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Answerer answerer;

  /**
   * The seed file as written, read independently of the parser: its Related and Sources bullets.
   */
  private static List<String> seedRelated;

  private static List<String> seedSources;

  @BeforeAll
  static void setUp() throws IOException {
    answerer = Fixtures.bundledBot().answerer();
    seedRelated = section(Fixtures.corpus().resolve(SEED_FILE), "Related");
    seedSources = section(Fixtures.corpus().resolve(SEED_FILE), "Sources");
  }

  // ---------------------------------------------------------------- chat

  @Test
  void chatAnswersTheSeedQuestionWithTheEntry() {
    api(
        (server, client) -> {
          Response response =
              postJson(client, "/api/chat", "{\"message\":\"What is inner alignment?\"}");
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode body = json(response);

          assertThat(body.get("matched").isBoolean()).isTrue();
          assertThat(body.get("matched").asBoolean()).isTrue();
          assertThat(body.get("reply").asText()).isNotBlank();

          JsonNode answer = body.get("answer");
          assertThat(answer.get("id").asText()).isEqualTo(SEED_ID);
          assertThat(answer.get("question").asText()).isEqualTo("What is inner alignment?");
          assertThat(answer.get("text").asText())
              .contains("Inner alignment is the problem")
              // Scratchpad and Removed text is for editors: searchable, never shown.
              .doesNotContain("Inner alignment asks")
              .doesNotContain("Scratchpad")
              .doesNotContain("Removed")
              .doesNotContain("Hubinger"); // the sources are listed apart, not in the body
          assertThat(answer.get("video").asText())
              .isEqualTo("The OTHER AI Alignment Problem: Mesa-Optimizers and Inner Alignment");
          assertThat(answer.get("blocks").isArray()).isTrue();
          assertThat(answer.get("blocks")).isNotEmpty();

          JsonNode related = body.get("related");
          assertThat(related.isArray()).isTrue();
          assertThat(related).hasSize(seedRelated.size()).hasSize(5);
          List<String> relatedQuestions = new ArrayList<>();
          for (JsonNode link : related) {
            assertThat(link.hasNonNull("id")).as("related %s resolves to an entry", link).isTrue();
            assertThat(answerer.entry(link.get("id").asText()))
                .as("related id %s exists", link.get("id"))
                .isPresent();
            relatedQuestions.add(link.get("question").asText());
          }
          assertThat(relatedQuestions).containsExactlyElementsOf(seedRelated);

          JsonNode sources = body.get("sources");
          assertThat(sources).hasSize(seedSources.size()).hasSize(17);
          JsonNode hubinger =
              find(sources, s -> "Hubinger, Evan; et. al.".equals(s.path("authors").asText(null)));
          assertThat(hubinger).as("the Hubinger et al. source").isNotNull();
          assertThat(hubinger.get("date").asText()).isEqualTo("May 2019");
          assertThat(hubinger.get("title").asText()).isEqualTo("Risks from Learned Optimization");
          assertThat(hubinger.get("text").asText())
              .isEqualTo("Hubinger, Evan; et. al. (May 2019) Risks from Learned Optimization");
          // A source without author and date keeps its title.
          JsonNode untitled = find(sources, s -> !s.hasNonNull("authors"));
          assertThat(untitled).isNotNull();
          assertThat(untitled.get("title").asText()).isNotBlank();

          double confidence = body.get("confidence").asDouble();
          assertThat(body.get("confidence").isNumber()).isTrue();
          assertThat(confidence).isBetween(0.0, 1.0);

          JsonNode alternatives = body.get("alternatives");
          assertThat(alternatives.isArray()).isTrue();
          assertThat(alternatives.size()).isBetween(1, Answerer.ALTERNATIVES);
          for (JsonNode alternative : alternatives) {
            assertThat(fieldNames(alternative))
                .containsExactlyInAnyOrder("id", "question", "confidence");
            assertThat(alternative.get("id").asText()).isNotEqualTo(SEED_ID);
            assertThat(answerer.entry(alternative.get("id").asText())).isPresent();
            assertThat(alternative.get("question").asText()).isNotBlank();
            assertThat(alternative.get("confidence").asDouble()).isBetween(0.0, 1.0);
          }
        });
  }

  @Test
  void chatResponseIsExactlyTheAnswerersAnswer() {
    api(
        (server, client) -> {
          Response response =
              postJson(client, "/api/chat", "{\"message\":\"What is inner alignment?\"}");
          JsonNode expected =
              Json.mapper().valueToTree(answerer.answer("What is inner alignment?"));
          assertThat(json(response)).isEqualTo(expected);
        });
  }

  @Test
  void chatDoesNotAnswerAQuestionNoEntryAnswersButOffersTheClosestQuestions() {
    api(
        (server, client) -> {
          Response response =
              postJson(client, "/api/chat", "{\"message\":\"What is prosaic alignment?\"}");
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode body = json(response);
          assertThat(body.get("outcome").asText()).isIn("clarify", "decline");
          assertThat(body.get("matched").asBoolean()).isFalse();
          assertThat(body.has("answer")).as("answer is present, as null").isTrue();
          assertThat(body.get("answer").isNull()).isTrue();
          assertThat(body.get("reply").asText()).isNotBlank();
          assertThat(body.get("related")).isEmpty();
          assertThat(body.get("sources")).isEmpty();
          assertThat(body.get("confidence").asDouble()).isBetween(0.0, 1.0);
          JsonNode alternatives = body.get("alternatives");
          assertThat(alternatives.size()).isBetween(1, Answerer.SUGGESTIONS);
          for (JsonNode alternative : alternatives) {
            assertThat(fieldNames(alternative))
                .containsExactlyInAnyOrder("id", "question", "confidence");
            assertThat(answerer.entry(alternative.get("id").asText())).isPresent();
          }
        });
  }

  @Test
  void chatAsksWhichWasMeantForAQuestionBetweenTwoEntries() {
    api(
        (server, client) -> {
          JsonNode body =
              json(
                  postJson(
                      client,
                      "/api/chat",
                      "{\"message\":\"How does AI control differ from boxing an AI?\"}"));
          assertThat(body.get("outcome").asText()).isEqualTo("clarify");
          assertThat(body.get("matched").asBoolean()).isFalse();
          assertThat(body.get("answer").isNull()).isTrue();
          List<String> choices = new ArrayList<>();
          body.get("alternatives").forEach(a -> choices.add(a.get("id").asText()));
          assertThat(choices)
              .contains("what-is-ai-control", "cant-we-just-keep-a-dangerous-ai-in-a-box");
          int control = choices.indexOf("what-is-ai-control") + 1;
          JsonNode picked =
              json(
                  postJson(
                      client,
                      "/api/chat",
                      "{\"message\":\""
                          + control
                          + "\",\"context\":\""
                          + body.get("context").asText()
                          + "\"}"));
          assertThat(picked.get("outcome").asText()).isEqualTo("answer");
          assertThat(picked.get("answer").get("id").asText()).isEqualTo("what-is-ai-control");
        });
  }

  @Test
  void chatRepliesToAGreetingWithQuestionsToStartWith() {
    api(
        (server, client) -> {
          JsonNode body = json(postJson(client, "/api/chat", "{\"message\":\"hi\"}"));
          assertThat(body.get("outcome").asText()).isEqualTo("smalltalk");
          assertThat(body.get("matched").asBoolean()).isFalse();
          assertThat(body.get("reply").asText()).startsWith("Hi!");
          assertThat(body.get("alternatives")).hasSize(Answerer.STARTERS);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>"})
  void chatAnswersHostileMarkupWithPlainJson(String message) {
    api(
        (server, client) -> {
          String body = JSON.writeValueAsString(Map.of("message", message));
          Response response = postJson(client, "/api/chat", body);
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode answer = json(response);
          assertThat(answer.get("matched").isBoolean()).isTrue();
          assertThat(answer.get("reply").asText()).isNotBlank();
          if (!answer.get("matched").asBoolean()) {
            assertThat(answer.get("answer").isNull()).isTrue();
          }
        });
  }

  // ---------------------------------------------------------------- faq

  @Test
  void faqReturnsOneEntryById() {
    api(
        (server, client) -> {
          Response response = client.get("/api/faq/" + SEED_ID);
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode body = json(response);
          EntryView entry = answerer.entry(SEED_ID).orElseThrow();
          assertThat(body).isEqualTo(Json.mapper().valueToTree(entry));
          assertThat(body.get("id").asText()).isEqualTo(SEED_ID);
          assertThat(body.get("question").asText()).isEqualTo("What is inner alignment?");
          assertThat(body.get("text").asText())
              .contains("Inner alignment is the problem")
              .doesNotContain("Inner alignment asks");
          assertThat(body.get("related")).hasSize(seedRelated.size());
          assertThat(body.get("sources")).hasSize(seedSources.size());
        });
  }

  @Test
  void faqAnswers404ForAnUnknownId() {
    api(
        (server, client) -> {
          Response response = client.get("/api/faq/nope");
          assertThat(response.code()).isEqualTo(404);
          assertError(response).contains("nope");
        });
  }

  // ---------------------------------------------------------------- search

  @Test
  void searchRanksTheBestEntriesFirst() {
    api(
        (server, client) -> {
          Response response = client.get("/api/search?q=mesa+optimizer&limit=3");
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode body = json(response);
          assertThat(body.get("query").asText()).isEqualTo("mesa optimizer");
          JsonNode results = body.get("results");
          assertThat(results.size()).isBetween(1, 3);
          assertThat(results.get(0).get("id").asText()).isEqualTo("what-are-mesa-optimizers");
          for (JsonNode result : results) {
            assertThat(fieldNames(result))
                .containsExactlyInAnyOrder("id", "question", "confidence");
            assertThat(result.get("confidence").asDouble()).isBetween(0.0, 1.0);
          }
        });
  }

  @Test
  void tagsNarrowChatAndSearchToTheEntriesThatHaveThem() {
    api(
        (server, client) -> {
          // Untagged, the question is inner alignment's; narrowed to reward hacking's tags, the
          // bot answers only from entries with them, and so never with inner alignment.
          JsonNode all =
              json(postJson(client, "/api/chat", "{\"message\":\"What is inner alignment?\"}"));
          assertThat(all.at("/answer/id").asText()).isEqualTo("what-is-inner-alignment");
          JsonNode narrowed =
              json(
                  postJson(
                      client,
                      "/api/chat",
                      "{\"message\":\"What is inner alignment?\",\"tags\":[\" Reward Hacking \"]}"));
          assertThat(narrowed.at("/answer/id").asText("")).isNotEqualTo("what-is-inner-alignment");
          JsonNode reward =
              json(
                  postJson(
                      client,
                      "/api/chat",
                      "{\"message\":\"What is reward hacking?\",\"tags\":[\"reward hacking\"]}"));
          assertThat(reward.at("/answer/id").asText()).isEqualTo("what-is-reward-hacking");

          JsonNode search =
              json(client.get("/api/search?q=alignment&tags=reward+hacking&limit=50"));
          assertThat(search.get("results")).isNotEmpty();
          // the three bundled entries tagged "reward hacking", and no other
          assertThat(search.get("results").findValuesAsText("id"))
              .containsExactlyInAnyOrder(
                  "what-is-reward-hacking",
                  "what-is-specification-gaming",
                  "what-is-a-reward-model");

          assertThat(client.get("/api/search?q=x&tags=" + "t,".repeat(21)).code()).isEqualTo(400);
        });
  }

  @Test
  void searchWithoutLimitUsesTheDefault() {
    api(
        (server, client) -> {
          Response response =
              client.get(
                  "/api/search?q=" + URLEncoder.encode("reward hacking", StandardCharsets.UTF_8));
          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response).get("results").size())
              .isBetween(1, SearchHandler.DEFAULT_LIMIT);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "51", "abc", "-1"})
  void searchRefusesALimitOutOfRange(String limit) {
    api(
        (server, client) -> {
          Response response = client.get("/api/search?q=mesa&limit=" + limit);
          assertThat(response.code()).isEqualTo(400);
          assertError(response)
              .contains("'" + limit + "'")
              .contains("1 to " + SearchHandler.MAX_LIMIT);
        });
  }

  @Test
  void searchLimitAtTheMaximumIsAccepted() {
    api(
        (server, client) -> {
          Response response =
              client.get("/api/search?q=alignment&limit=" + SearchHandler.MAX_LIMIT);
          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response).get("results").size()).isBetween(1, SearchHandler.MAX_LIMIT);
        });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/api/search", "/api/search?q=", "/api/search?q=+++", "/api/search?limit=3"})
  void searchRefusesAMissingQuery(String path) {
    api(
        (server, client) -> {
          Response response = client.get(path);
          assertThat(response.code()).isEqualTo(400);
          assertError(response).contains("'q'");
        });
  }

  // ---------------------------------------------------------------- health

  @Test
  void healthSaysOkAndCountsTheEntries() throws IOException {
    long files;
    try (Stream<Path> walk = Files.list(Fixtures.corpus())) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".txt")).count();
    }
    assertThat(files).isEqualTo(48);
    api(
        (server, client) -> {
          Response response = client.get("/health");
          assertThat(response.code()).isEqualTo(200);
          assertJsonType(response);
          JsonNode body = json(response);
          assertThat(body.get("status").asText()).isEqualTo("ok");
          assertThat(body.get("entries").asLong()).isEqualTo(files);
          assertThat(body.get("semantic").asBoolean()).isTrue();
        });
  }

  // ---------------------------------------------------------------- bad requests

  static Stream<Arguments> badChatBodies() {
    String overLimit = "a".repeat(Answerer.MAX_MESSAGE_CHARS + 1);
    return Stream.of(
        Arguments.of("missing message", "{}", 400, "\"message\""),
        Arguments.of("message null", "{\"message\":null}", 400, "\"message\""),
        Arguments.of("message a number", "{\"message\":123}", 400, "string"),
        Arguments.of("message an object", "{\"message\":{\"text\":\"hi\"}}", 400, "string"),
        Arguments.of("message empty", "{\"message\":\"\"}", 400, "empty"),
        Arguments.of("message whitespace", "{\"message\":\"   \\t\\n  \"}", 400, "empty"),
        Arguments.of(
            "message over the limit",
            "{\"message\":\"" + overLimit + "\"}",
            400,
            String.valueOf(Answerer.MAX_MESSAGE_CHARS)),
        Arguments.of("malformed JSON", "{\"message\": ", 400, "malformed JSON"),
        Arguments.of("a JSON array", "[\"What is inner alignment?\"]", 400, "JSON object"),
        Arguments.of("a JSON string", "\"What is inner alignment?\"", 400, "JSON object"),
        Arguments.of("JSON null", "null", 400, "JSON object"),
        Arguments.of("empty body", "", 400, "empty"),
        Arguments.of("tags a string", "{\"message\":\"hi\",\"tags\":\"alignment\"}", 400, "array"),
        Arguments.of("tags of numbers", "{\"message\":\"hi\",\"tags\":[1]}", 400, "strings"),
        Arguments.of(
            "too many tags",
            "{\"message\":\"hi\",\"tags\":["
                + String.join(",", java.util.Collections.nCopies(21, "\"t\""))
                + "]}",
            400,
            "at most 20 tags"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badChatBodies")
  void chatRefusesBadBodies(String what, String body, int status, String mentioned) {
    api(
        (server, client) -> {
          Response response =
              client.request(
                  "/api/chat",
                  b ->
                      b.post(
                              body.isEmpty()
                                  ? BodyPublishers.noBody()
                                  : BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                          .header("Content-Type", "application/json"));
          assertThat(response.code()).as(what).isEqualTo(status);
          assertError(response).contains(mentioned);
        });
  }

  @Test
  void chatRefusesAMessageOverTheLimitSayingTheLimit() {
    api(
        (server, client) -> {
          String message = "x".repeat(Answerer.MAX_MESSAGE_CHARS + 1);
          Response response =
              postJson(client, "/api/chat", JSON.writeValueAsString(Map.of("message", message)));
          assertThat(response.code()).isEqualTo(400);
          assertError(response)
              .contains("limit")
              .contains(String.valueOf(Answerer.MAX_MESSAGE_CHARS));
        });
  }

  @Test
  void chatAcceptsAMessageAtTheLimit() {
    api(
        (server, client) -> {
          StringBuilder words = new StringBuilder();
          while (words.length() < Answerer.MAX_MESSAGE_CHARS) {
            words.append("why is alignment hard ");
          }
          String message = words.substring(0, Answerer.MAX_MESSAGE_CHARS - 1) + "?";
          assertThat(message).hasSize(Answerer.MAX_MESSAGE_CHARS);
          Response response =
              postJson(client, "/api/chat", JSON.writeValueAsString(Map.of("message", message)));
          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response).get("matched").isBoolean()).isTrue();
        });
  }

  @Test
  void chatRefusesAnotherContentTypeWith415() {
    api(
        (server, client) -> {
          Response response =
              client.request(
                  "/api/chat",
                  b ->
                      b.post(BodyPublishers.ofString("{\"message\":\"What is inner alignment?\"}"))
                          .header("Content-Type", "text/plain"));
          assertThat(response.code()).isEqualTo(415);
          assertError(response).contains("application/json").contains("text/plain");
        });
  }

  @Test
  void chatRefusesABodyWithoutContentTypeWith415() {
    api(
        (server, client) -> {
          Response response =
              client.request(
                  "/api/chat",
                  b ->
                      b.post(
                          BodyPublishers.ofString("{\"message\":\"What is inner alignment?\"}")));
          assertThat(response.code()).isEqualTo(415);
          assertError(response).contains("application/json");
        });
  }

  @Test
  void chatAcceptsJsonWithACharset() {
    api(
        (server, client) -> {
          Response response =
              client.request(
                  "/api/chat",
                  b ->
                      b.post(BodyPublishers.ofString("{\"message\":\"What is inner alignment?\"}"))
                          .header("Content-Type", "application/json; charset=utf-8"));
          assertThat(response.code()).isEqualTo(200);
          assertThat(json(response).get("answer").get("id").asText()).isEqualTo(SEED_ID);
        });
  }

  @Test
  void chatRefusesABodyOverTheSizeLimitWith413() {
    api(
        (server, client) -> {
          String body = "{\"message\":\"" + "a".repeat((int) HttpApp.MAX_BODY_BYTES) + "\"}";
          assertThat(body.getBytes(StandardCharsets.UTF_8).length)
              .isGreaterThan((int) HttpApp.MAX_BODY_BYTES);
          Response response = postJson(client, "/api/chat", body);
          assertThat(response.code()).isEqualTo(413);
          assertError(response).contains(String.valueOf(HttpApp.MAX_BODY_BYTES));
        });
  }

  @Test
  void unknownRouteIs404Json() {
    api(
        (server, client) -> {
          Response response = client.get("/nope");
          assertThat(response.code()).isEqualTo(404);
          assertError(response).contains("/nope");
        });
  }

  @Test
  void wrongMethodIs405Json() {
    api(
        (server, client) -> {
          Response response = client.get("/api/chat");
          assertThat(response.code()).isEqualTo(405);
          assertError(response).contains("GET").contains("/api/chat");
        });
  }

  // ---------------------------------------------------------------- refused before the routes

  static Stream<Arguments> requestsJettyRefuses() {
    String host = "Host: localhost\r\n";
    return Stream.of(
        Arguments.of(
            "an ambiguous path parameter",
            "GET /api/faq/..;/x HTTP/1.1\r\n" + host,
            400,
            "Ambiguous URI path parameter"),
        Arguments.of(
            "an encoded ambiguous path parameter",
            "GET /api/faq/%2e%2e;/x HTTP/1.1\r\n" + host,
            400,
            "Ambiguous URI path parameter"),
        Arguments.of(
            "a path above the root", "GET /../api/faq/x HTTP/1.1\r\n" + host, 400, "malformed"),
        Arguments.of("an encoded NUL", "GET /api/faq/a%00b HTTP/1.1\r\n" + host, 400, "malformed"),
        Arguments.of("no Host header", "GET /health HTTP/1.1\r\n", 400, "No Host"),
        Arguments.of(
            "two body lengths",
            "POST /api/chat HTTP/1.1\r\n"
                + host
                + "Transfer-Encoding: chunked\r\nContent-Length: 3\r\n",
            400,
            "Transfer-Encoding and Content-Length"),
        Arguments.of(
            "a 64 KB cookie",
            "GET /health HTTP/1.1\r\n" + host + "Cookie: a=" + "x".repeat(64 * 1024) + "\r\n",
            431,
            "the request headers are larger than the limit of"),
        Arguments.of(
            "a 64 KB path",
            "GET /" + "a".repeat(64 * 1024) + " HTTP/1.1\r\n" + host,
            414,
            "the request line is longer than the limit of"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsJettyRefuses")
  void requestsRefusedBeforeTheRoutesGetJsonErrors(
      String what, String head, int status, String mentioned) {
    api(
        (server, client) -> {
          RawResponse response =
              RawResponse.send(server.port(), head + "Connection: close\r\n\r\n");
          assertThat(response.status()).as(what).isEqualTo(status);
          assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
          assertThat(response.header("Content-Security-Policy"))
              .as(what)
              .isEqualTo(SecurityHeaders.NOTHING_POLICY);
          assertRawError(response).contains(mentioned).doesNotContain("<");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/faq/%u0041", "/api/faq/what-is-%u00e9"})
  void aPathParameterWithAMalformedEscapeIs400NotAServerError(String path) {
    api(
        (server, client) -> {
          RawResponse response =
              RawResponse.send(
                  server.port(),
                  "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
          assertThat(response.status()).isEqualTo(400);
          assertRawError(response).contains("escape");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/faq/nope", "/api/faq/%2e%2e/x", "/api/faq/a%2Fb", "/nope"})
  void aRouteOrEntryThatIsNotThereIsStillA404JsonError(String path) {
    api(
        (server, client) -> {
          RawResponse response =
              RawResponse.send(
                  server.port(),
                  "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
          assertThat(response.status()).isEqualTo(404);
          assertRawError(response).isNotBlank();
        });
  }

  // ---------------------------------------------------------------- helpers

  /** Runs a test against a freshly started server over the shared bundled bot. */
  private static void api(TestCase test) {
    JavalinTest.test(HttpApp.create(answerer), test);
  }

  private static Response postJson(HttpClient client, String path, String body) {
    BodyPublisher publisher = BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    return client.request(path, b -> b.post(publisher).header("Content-Type", "application/json"));
  }

  private static JsonNode json(Response response) {
    String body = response.body().string();
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("the response is not JSON: " + body, e);
    }
  }

  private static void assertJsonType(Response response) {
    assertThat(response.headers().get("Content-Type"))
        .as("content type")
        .isNotEmpty()
        .allSatisfy(type -> assertThat(type).startsWith("application/json"));
  }

  /**
   * Asserts an error response: JSON content type, exactly {"error": "…"}, no stack trace; returns
   * the message.
   */
  private static AbstractStringAssert<?> assertError(Response response) {
    assertThat(response.code()).isBetween(400, 499);
    assertJsonType(response);
    return assertErrorBody(response.body().string());
  }

  private static AbstractStringAssert<?> assertRawError(RawResponse response) {
    assertThat(response.status()).isBetween(400, 499);
    assertThat(response.header("Content-Type")).as("content type").startsWith("application/json");
    return assertErrorBody(response.body());
  }

  private static AbstractStringAssert<?> assertErrorBody(String raw) {
    assertThat(raw)
        .doesNotContain("at faqbot.")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      throw new AssertionError("the error is not JSON: " + raw, e);
    }
    assertThat(body.isObject()).as("error body %s", raw).isTrue();
    assertThat(fieldNames(body)).containsExactly("error");
    assertThat(body.get("error").isTextual()).isTrue();
    assertThat(body.get("error").asText()).isNotBlank();
    return assertThat(body.get("error").asText());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static JsonNode find(JsonNode array, Predicate<JsonNode> test) {
    for (JsonNode node : array) {
      if (test.test(node)) {
        return node;
      }
    }
    return null;
  }

  /** The bullet lines of one section of a corpus file, read straight from the file. */
  private static List<String> section(Path file, String heading) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> headings = Set.of("Related", "Scratchpad", "Removed", "Sources");
    List<String> items = new ArrayList<>();
    boolean inside = false;
    for (String line : lines) {
      String stripped = line.strip();
      if (headings.contains(stripped)) {
        inside = stripped.equals(heading);
        continue;
      }
      if (inside && stripped.startsWith("- ")) {
        items.add(stripped.substring(2).strip());
      }
    }
    return items;
  }
}
