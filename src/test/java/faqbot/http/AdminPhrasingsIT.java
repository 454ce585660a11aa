package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.app.Bot;
import faqbot.corpus.PhrasingsFile;
import faqbot.feedback.Journal;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /admin/phrasings}: a real server over a bot with the sentence models, on a copy of
 * part of the seed corpus. A 201 means the phrasing is on disk and served: the very next chat
 * question in those words answers the entry.
 */
class AdminPhrasingsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "an-admin-token-of-some-length";
  private static final String ENTRY = "what-is-inner-alignment";

  /** A reader's question that no entry answers until it is added as the entry's phrasing. */
  private static final String PHRASING = "Why did Rob Miles call it the other alignment problem?";

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Path corpus;
  private Bot bot;
  private Javalin app;

  @BeforeEach
  void start() throws Exception {
    corpus = Fixtures.innerAlignmentCorpus(dir.resolve("corpus"));
    bot = Bot.open(corpus, dir.resolve("index"), true, r -> {});
    app = ReadyApp.start(bot, Journal.NONE, TOKEN);
  }

  @AfterEach
  void stop() {
    app.stop();
    bot.close();
  }

  private HttpResponse<String> post(String path, String token, String type, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (type != null) {
      request.header("Content-Type", type);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> add(Map<String, ?> body) throws Exception {
    return post("/admin/phrasings", TOKEN, "application/json", JSON.writeValueAsString(body));
  }

  private HttpResponse<String> add(String entryId, String phrasing) throws Exception {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("entryId", entryId);
    body.put("phrasing", phrasing);
    return add(body);
  }

  private JsonNode chat(String message) throws Exception {
    HttpResponse<String> response =
        post(
            "/api/chat",
            null,
            "application/json",
            JSON.writeValueAsString(Map.of("message", message)));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static String error(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return JSON.readTree(response.body()).get("error").asText();
  }

  @Test
  void theEditorsQuestionsNeedTheTokenAndRefuseABadNumberOfDaysByName() throws Exception {
    String base = "http://localhost:" + app.port() + "/admin/api/questions";
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    for (String days : List.of("0", "367", "x", "")) {
      HttpResponse<String> bad =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "?days=" + days))
                  .header("Authorization", "Bearer " + TOKEN)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bad.statusCode()).as(days).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).get("error").asText())
          .isEqualTo("'days' must be a whole number from 1 to 366, got '" + days + "'");
    }
    HttpResponse<String> none =
        http.send(
            HttpRequest.newBuilder(URI.create(base))
                .header("Authorization", "Bearer " + TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(none.body()).get("groups")).isEmpty();
  }

  @Test
  void answers201OnceThePhrasingIsOnDiskAndTheNextQuestionInThoseWordsAnswersTheEntry()
      throws Exception {
    JsonNode before = chat(PHRASING);
    assertThat(before.get("outcome").asText()).isNotEqualTo("answer");

    HttpResponse<String> added = add(ENTRY, "  " + PHRASING + " ");

    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    JsonNode body = JSON.readTree(added.body());
    assertThat(body.get("added").asBoolean()).isTrue();
    assertThat(body.get("entryId").asText()).isEqualTo(ENTRY);
    assertThat(body.get("phrasing").asText()).isEqualTo(PHRASING);
    assertThat(body.get("file").asText()).isEqualTo(PhrasingsFile.ADDED);
    assertThat(Files.readString(corpus.resolve(PhrasingsFile.ADDED)))
        .isEqualTo("Entry: " + ENTRY + "\nAlso asked as: " + PHRASING + "\n");

    JsonNode after = chat(PHRASING);
    assertThat(after.get("outcome").asText()).isEqualTo("answer");
    assertThat(after.at("/answer/id").asText()).isEqualTo(ENTRY);

    HttpResponse<String> again = add(ENTRY, PHRASING.toLowerCase());
    assertThat(again.statusCode()).as("already asked so: nothing to write").isEqualTo(200);
    assertThat(JSON.readTree(again.body()).get("added").asBoolean()).isFalse();
    assertThat(Files.readString(corpus.resolve(PhrasingsFile.ADDED)))
        .isEqualTo("Entry: " + ENTRY + "\nAlso asked as: " + PHRASING + "\n");
  }

  @Test
  void refusesBadInputWithAJson4xxAndWritesNothing() throws Exception {
    assertThat(
            post("/admin/phrasings", "wrong-token-wrong-token", "application/json", "{}")
                .statusCode())
        .isEqualTo(401);
    assertThat(post("/admin/phrasings", null, "application/json", "{}").statusCode())
        .isEqualTo(401);

    HttpResponse<String> unknown = add("what-is-dark-matter", "Where is the missing mass?");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(error(unknown)).contains("what-is-dark-matter");

    HttpResponse<String> empty = add(ENTRY, "   ");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(error(empty)).contains("empty");

    HttpResponse<String> tooLong = add(ENTRY, "why ".repeat(100));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(error(tooLong)).contains("characters long");

    HttpResponse<String> twoLines = add(ENTRY, "What is it?\nEntry: what-is-reward-hacking");
    assertThat(twoLines.statusCode()).isEqualTo(400);

    HttpResponse<String> taken = add(ENTRY, "what is reward hacking");
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(error(taken)).contains("the question of another entry, 'what-is-reward-hacking'");

    HttpResponse<String> missing = add(Map.of("phrasing", "What is it?"));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(error(missing)).contains("entryId");

    HttpResponse<String> notText = add(Map.of("entryId", ENTRY, "phrasing", 42));
    assertThat(notText.statusCode()).isEqualTo(400);
    assertThat(error(notText)).contains("phrasing");

    assertThat(post("/admin/phrasings", TOKEN, "text/plain", "hello").statusCode()).isEqualTo(415);
    assertThat(post("/admin/phrasings", TOKEN, "application/json", "{\"entryId\":").statusCode())
        .isEqualTo(400);

    assertThat(corpus.resolve(PhrasingsFile.ADDED)).doesNotExist();
    assertThat(bot.reloads()).as("nothing was reloaded").isZero();
  }

  @Test
  void aServerWithoutACorpusToChangeSaysSo() throws Exception {
    Javalin fixed =
        HttpApp.create(
                Backend.of(bot.answerer()),
                new HttpOptions(
                    List.of(), List.of(), Journal.NONE, Limits.defaults().withRate(0), TOKEN))
            .start(0);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + fixed.port() + "/admin/phrasings"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"entryId\": \"" + ENTRY + "\", \"phrasing\": \"What is it?\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(409);
      assertThat(error(response)).contains("no corpus");
    } finally {
      fixed.stop();
    }
  }
}
