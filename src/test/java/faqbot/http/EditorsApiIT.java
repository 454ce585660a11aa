package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.app.Bot;
import faqbot.cli.Main;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.FileJournal;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editors' API on a real server over a bot with the sentence models, on part of the seed
 * corpus, with this server's journal and another replica's in one folder: what people asked is read
 * from both, what editors decide is kept and does not come back, and {@code faqbot report} shows
 * the same figures.
 */
class EditorsApiIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "an-admin-token-of-some-length";

  /** No entry of the four answers it: declined. */
  private static final String UNANSWERED = "who funds ai safety";

  /** Answered with the outer alignment entry, but only narrowly. */
  private static final String NARROW = "specifying what we want an AI to do";

  /** Clarified, with reward hacking as the first choice. */
  private static final String CLARIFIED = "how do models game their reward";

  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;
  private Path journals;
  private Bot bot;
  private FileJournal journal;
  private Javalin app;

  @BeforeEach
  void start() throws Exception {
    Path corpus = Fixtures.innerAlignmentCorpus(dir.resolve("corpus"));
    journals = Files.createDirectories(dir.resolve("journal"));
    try (FileJournal other = FileJournal.open(journals.resolve("other-replica.jsonl"))) {
      other.append(
          FeedbackRecord.asked("Who funds AI safety?", "decline", null, 0.04, false, "web"));
      other.append(FeedbackRecord.asked("=1+1 who pays", "decline", null, 0.02, false, "web"));
    }
    bot = Bot.open(corpus, dir.resolve("index"), true, r -> {});
    startServer();
  }

  private void startServer() throws Exception {
    journal = FileJournal.open(journals.resolve("this-replica.jsonl"));
    app = ReadyApp.start(bot, journal, TOKEN);
  }

  private void stopServer() throws Exception {
    app.stop();
    journal.close();
  }

  @AfterEach
  void stop() throws Exception {
    stopServer();
    bot.close();
  }

  private HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response = send("GET", path, TOKEN, null);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private JsonNode chat(String message, String context) throws Exception {
    Map<String, String> body =
        context == null
            ? Map.of("message", message)
            : Map.of("message", message, "context", context);
    HttpResponse<String> response = send("POST", "/api/chat", null, JSON.writeValueAsString(body));
    assertThat(response.statusCode()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> decide(String decision, String... questions) throws Exception {
    return send(
        "POST",
        "/admin/decisions",
        TOKEN,
        JSON.writeValueAsString(Map.of("decision", decision, "questions", List.of(questions))));
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  @Test
  void everyRouteNeedsTheTokenAndABadDayCountIsRefusedByName() throws Exception {
    for (String path :
        List.of(
            "/admin/api/questions",
            "/admin/api/unhelpful",
            "/admin/api/suggestions",
            "/admin/api/traffic",
            "/admin/api/new-entries",
            "/admin/api/new-entries.csv")) {
      assertThat(send("GET", path, null, null).statusCode()).as(path).isEqualTo(401);
      assertThat(send("GET", path, "not-the-token", null).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(send("POST", "/admin/decisions", null, "{}").statusCode()).isEqualTo(401);
    HttpResponse<String> bad = send("GET", "/admin/api/traffic?days=400", TOKEN, null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("'days'", "400");
  }

  @Test
  void badDecisionsAreRefusedAndNothingIsKept() throws Exception {
    long before = Files.size(journals.resolve("this-replica.jsonl"));
    Map<String, String> refused =
        Map.of(
            "{\"decision\":\"delete\",\"questions\":[\"x\"]}", "'delete' is not one of",
            "{\"decision\":\"dismiss\",\"questions\":[]}", "holds 0 strings; it may hold 1 to 100",
            "{\"decision\":\"dismiss\",\"questions\":[\" \"]}", "non-empty strings only",
            "{\"decision\":\"dismiss\",\"questions\":\"x\"}", "must be an array of strings",
            "{\"decision\":\"dismiss\"}", "\"questions\" is missing",
            "{\"questions\":[\"x\"]}", "decision");
    for (Map.Entry<String, String> e : refused.entrySet()) {
      HttpResponse<String> response = send("POST", "/admin/decisions", TOKEN, e.getKey());
      assertThat(response.statusCode()).as(e.getKey()).isEqualTo(400);
      assertThat(JSON.readTree(response.body()).get("error").asText())
          .as(e.getKey())
          .contains(e.getValue());
    }
    assertThat(Files.size(journals.resolve("this-replica.jsonl"))).isEqualTo(before);
  }

  @Test
  void whatPeopleAskedOnEveryReplicaIsShownAndWhatEditorsDecideStaysDecided() throws Exception {
    assertThat(chat(UNANSWERED, null).get("outcome").asText()).isEqualTo("decline");
    assertThat(chat("hi", null).get("outcome").asText()).isEqualTo("smalltalk");
    JsonNode narrow = chat(NARROW, null);
    assertThat(narrow.get("outcome").asText()).isEqualTo("answer");
    String narrowId = narrow.at("/answer/id").asText();
    JsonNode clarified = chat(CLARIFIED, null);
    assertThat(clarified.get("outcome").asText()).isEqualTo("clarify");
    String meant = clarified.at("/alternatives/0/id").asText();
    assertThat(chat("1", clarified.get("context").asText()).at("/answer/id").asText())
        .isEqualTo(meant);
    assertThat(
            send(
                    "POST",
                    "/api/feedback",
                    null,
                    JSON.writeValueAsString(
                        Map.of("answerId", narrowId, "helpful", false, "question", NARROW)))
                .statusCode())
        .isEqualTo(201);

    // The same question asked on two replicas, in other case and punctuation, is one wording.
    JsonNode groups = get("/admin/api/questions");
    assertThat(groups.at("/groups/0/count").asInt()).isEqualTo(2);
    assertThat(texts(groups.at("/groups/0/questions"), "question")).hasSize(1);

    JsonNode today = get("/admin/api/traffic?days=7").at("/series/6");
    assertThat(today.get("day").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    // Two declined here and there, one small talk, one answer, one clarification (the pick is
    // its second message, not another question), one unhelpful mark.
    assertThat(today.get("decline").asInt()).isEqualTo(3);
    assertThat(today.get("smalltalk").asInt()).isEqualTo(1);
    assertThat(today.get("answer").asInt()).isEqualTo(1);
    assertThat(today.get("clarify").asInt()).isEqualTo(1);
    assertThat(today.get("unhelpful").asInt()).isEqualTo(1);

    JsonNode unhelpful = get("/admin/api/unhelpful").at("/answers/0");
    assertThat(unhelpful.get("id").asText()).isEqualTo(narrowId);
    assertThat(texts(unhelpful.get("questions"), "question")).containsExactly(NARROW);

    // The narrow answer was marked unhelpful, so it is no phrasing; the pick is.
    JsonNode suggestions = get("/admin/api/suggestions").get("suggestions");
    assertThat(texts(suggestions, "phrasing")).containsExactly(CLARIFIED);
    assertThat(suggestions.at("/0/entryId").asText()).isEqualTo(meant);
    assertThat(suggestions.at("/0/reasons").toString()).isEqualTo("[\"picked\"]");

    assertThat(decide(FeedbackRecord.NEW_ENTRY, UNANSWERED).statusCode()).isEqualTo(201);
    assertThat(decide(FeedbackRecord.DISMISS, "=1+1 who pays").statusCode()).isEqualTo(201);
    HttpResponse<String> added =
        send(
            "POST",
            "/admin/phrasings",
            TOKEN,
            JSON.writeValueAsString(Map.of("entryId", meant, "phrasing", CLARIFIED)));
    assertThat(added.statusCode()).isEqualTo(201);

    // Kept on disk: a restarted server (reading the folder afresh) does not show them again.
    stopServer();
    startServer();
    assertThat(get("/admin/api/questions").get("groups")).isEmpty();
    assertThat(get("/admin/api/suggestions").get("suggestions")).isEmpty();
    assertThat(texts(get("/admin/api/new-entries").get("entries"), "question"))
        .containsExactly("Who funds AI safety?");
    HttpResponse<String> csv = send("GET", "/admin/api/new-entries.csv", TOKEN, null);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body().lines().toList())
        .hasSize(2)
        .first()
        .isEqualTo("question,count,first_seen,last_seen,decided");
    assertThat(csv.body()).contains("\"Who funds AI safety?\",2,");
  }

  @Test
  void aQuestionThatLooksLikeAFormulaIsExportedAsText() {
    assertThat(EditorsHandler.inertInSpreadsheets("=HYPERLINK(\"x\")"))
        .isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(EditorsHandler.inertInSpreadsheets("@me")).isEqualTo("'@me");
    assertThat(EditorsHandler.inertInSpreadsheets("what is x")).isEqualTo("what is x");
  }

  @Test
  void theReportAndThePageShowTheSameFiguresForTheSameJournals() throws Exception {
    chat(UNANSWERED, null);
    chat("Who funds AI safety??", null);
    JsonNode narrow = chat(NARROW, null);
    send(
        "POST",
        "/api/feedback",
        null,
        JSON.writeValueAsString(
            Map.of(
                "answerId",
                narrow.at("/answer/id").asText(),
                "helpful",
                false,
                "question",
                NARROW)));

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", "--json", "--days", "30", journals.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isZero();
    JsonNode report = JSON.readTree(out.toString());

    JsonNode page = get("/admin/api/questions?days=30");
    List<String> reported = new ArrayList<>();
    report
        .get("unanswered")
        .forEach(u -> reported.add(u.get("question").asText() + " " + u.get("times").asInt()));
    List<String> shown = new ArrayList<>();
    page.get("groups")
        .forEach(
            g ->
                g.get("questions")
                    .forEach(
                        q -> shown.add(q.get("question").asText() + " " + q.get("count").asInt())));
    assertThat(shown).containsExactlyInAnyOrderElementsOf(reported).isNotEmpty();

    JsonNode unhelpful = get("/admin/api/unhelpful?days=30").get("answers");
    assertThat(report.get("unhelpful")).hasSameSizeAs(unhelpful);
    for (int i = 0; i < unhelpful.size(); i++) {
      assertThat(report.at("/unhelpful/" + i + "/answerId").asText())
          .isEqualTo(unhelpful.at("/" + i + "/id").asText());
      assertThat(report.at("/unhelpful/" + i + "/unhelpful").asInt())
          .isEqualTo(unhelpful.at("/" + i + "/unhelpful").asInt());
    }
  }
}
