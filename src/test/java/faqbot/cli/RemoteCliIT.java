package faqbot.cli;

import static faqbot.cli.CliRuns.heading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.answer.Json;
import faqbot.http.HttpApp;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ask --server} and {@code chat --server} against a real, started faqbot server on the
 * bundled corpus: the same answers as the server gives, follow-ups through the server's context
 * token, and one clear line for a server that is down, refuses, or is not faqbot.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class RemoteCliIT {
  private static final String SEED_QUESTION = "What is inner alignment?";
  private static final String SECOND_RELATED =
      "What is the difference between inner and outer alignment?";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Answerer answerer;
  private static Javalin server;
  private static String url;

  @BeforeAll
  static void startServer() {
    answerer = Fixtures.bundledBot().answerer();
    server = HttpApp.create(answerer).start(0);
    url = "http://localhost:" + server.port();
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.stop();
    }
  }

  // ---------------------------------------------------------------- ask

  @Test
  void askPrintsTheServersAnswerAsTheLocalAskWould() {
    CliRuns.Run run = CliRuns.run("ask", "--server", url, SEED_QUESTION);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith(heading(SEED_QUESTION));
    assertThat(run.out())
        .contains("Related questions:")
        .contains("  2. " + SECOND_RELATED + "\n")
        .contains("Sources:");

    // Everything the printer shows survived the trip through JSON: the same text as printing the
    // local answer.
    StringWriter local = new StringWriter();
    try (PrintWriter w = new PrintWriter(local)) {
      new AnswerPrinter(w, Console.layout()).print(answerer.answer(SEED_QUESTION));
    }
    assertThat(run.out()).isEqualTo(local.toString());
  }

  @Test
  void askJsonPrintsExactlyTheServersJson() throws Exception {
    CliRuns.Run run = CliRuns.run("ask", "--server", url + "/", "--json", SEED_QUESTION);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.out().strip().lines()).as("one JSON object on one line").hasSize(1);

    HttpResponse<String> direct =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url + "/api/chat"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(
                                JSON.createObjectNode().put("message", SEED_QUESTION))))
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(direct.statusCode()).isEqualTo(200);
    assertThat(run.out().strip()).isEqualTo(direct.body().strip());
    JsonNode printed = JSON.readTree(run.out());
    assertThat(printed).isEqualTo(JSON.readTree(direct.body()));
    assertThat(printed).isEqualTo(Json.mapper().valueToTree(answerer.answer(SEED_QUESTION)));
  }

  @Test
  void askWhenTheServerIsDownSaysSoInOneLineAndExits1() throws IOException {
    String down = "http://localhost:" + closedPort();
    CliRuns.Run run = CliRuns.run("ask", "--server", down, SEED_QUESTION);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().strip().lines()).as(run.all()).hasSize(1);
    assertThat(run.err()).startsWith("faqbot: cannot reach the faqbot server at " + down);
    assertNoStackTrace(run.err());
  }

  @Test
  void aRefusalByTheServerIsOneLineWithWhatItSaid() {
    // The CLI refuses a long question itself; a bad context token is for the server to refuse.
    RemoteClient client = new RemoteClient(URI.create(url));
    UserError refused =
        Assertions.assertThrows(UserError.class, () -> client.answer(SEED_QUESTION, "not-a-token"));
    assertThat(refused.getMessage())
        .startsWith("the faqbot server at " + url + " answered HTTP 400: ")
        .contains("context token")
        .doesNotContain("\n");
  }

  @Test
  void askWhenTheServerIsNotFaqbotSaysSoInOneLine() throws IOException {
    HttpServer other = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    other.createContext(
        "/",
        exchange -> {
          byte[] page = "<html><body>Hello</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          int status = exchange.getRequestURI().getPath().equals("/api/chat") ? 200 : 404;
          exchange.sendResponseHeaders(status, page.length);
          try (OutputStream body = exchange.getResponseBody()) {
            body.write(page);
          }
        });
    other.start();
    try {
      String base = "http://localhost:" + other.getAddress().getPort();
      CliRuns.Run html = CliRuns.run("ask", "--server", base, SEED_QUESTION);
      assertThat(html.exit()).as(html.all()).isEqualTo(Main.FAILURE);
      assertThat(html.err().strip().lines()).as(html.all()).hasSize(1);
      assertThat(html.err()).contains("did not answer with a faqbot answer");

      CliRuns.Run missing = CliRuns.run("ask", "--server", base + "/not-here", SEED_QUESTION);
      assertThat(missing.exit()).as(missing.all()).isEqualTo(Main.FAILURE);
      assertThat(missing.err().strip().lines()).as(missing.all()).hasSize(1);
      assertThat(missing.err()).contains("HTTP 404");
    } finally {
      other.stop(0);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://localhost:7070",
        "localhost:7070",
        "http://",
        "http:///api",
        "not a url",
        "http://localhost:99999",
        "http://localhost:7070/?x=1"
      })
  void aServerThatIsNotAnHttpUrlIsAUsageError(String bad) {
    for (String command : List.of("ask", "chat")) {
      CliRuns.Run run =
          command.equals("ask")
              ? CliRuns.run("ask", "--server", bad, SEED_QUESTION)
              : CliRuns.chat(List.of(SEED_QUESTION), "chat", "--server", bad);
      assertThat(run.exit())
          .as("%s --server '%s': %s", command, bad, run.all())
          .isEqualTo(Main.USAGE);
      assertThat(run.out()).isEmpty();
      // A usage error, as picocli shows them: what is wrong on the first line, then the usage.
      assertThat(run.err().lines().findFirst().orElseThrow())
          .as(run.all())
          .startsWith("--server must be an http:// or https:// URL")
          .contains("'" + bad + "'");
      assertThat(run.err()).contains("Usage: faqbot " + command);
      assertNoStackTrace(run.err());
    }
  }

  // ---------------------------------------------------------------- chat

  @Test
  void chatTalksToTheServerAndFollowsUpByNumber() {
    CliRuns.Run run =
        CliRuns.chat(List.of(SEED_QUESTION, "2", "/sources", "/quit"), "chat", "--server", url);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.err()).as(run.all()).isEmpty();
    String out = run.out();
    assertThat(out).startsWith(heading(SEED_QUESTION));
    assertThat(out).contains("  2. " + SECOND_RELATED + "\n");
    int second = out.indexOf(heading(SECOND_RELATED));
    assertThat(second).as(out).isGreaterThan(out.indexOf("Related questions:"));
    assertThat(out.indexOf("Sources of \u201c" + SECOND_RELATED + "\u201d:")).isGreaterThan(second);

    // The same conversation as the server has with any client that sends the context token back.
    Answer first = answerer.answer(SEED_QUESTION);
    Answer picked = answerer.answer("2", first.context());
    StringWriter expected = new StringWriter();
    try (PrintWriter w = new PrintWriter(expected)) {
      AnswerPrinter printer = new AnswerPrinter(w, Console.layout());
      printer.print(first);
      w.println();
      printer.print(picked);
      w.println();
    }
    assertThat(out).startsWith(expected.toString());
  }

  @Test
  void chatGoesOnAfterTheServerRefusesAMessage() {
    CliRuns.Run run =
        CliRuns.chat(List.of("x".repeat(4200), SEED_QUESTION), "chat", "--server", url);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    assertThat(run.err().lines().toList())
        .as(run.all())
        .containsExactly(
            "faqbot: the faqbot server at "
                + url
                + " answered HTTP 400: the message is 4200 characters long; the limit is 4000");
    assertThat(run.out()).startsWith(heading(SEED_QUESTION));
  }

  @Test
  void chatWithTheServerDownSaysSoOncePerMessageAndGoesOn() throws IOException {
    String down = "http://localhost:" + closedPort();
    CliRuns.Run run =
        CliRuns.chat(List.of(SEED_QUESTION, "2", "/sources", "/quit"), "chat", "--server", down);
    assertThat(run.exit()).as(run.all()).isEqualTo(Main.OK);
    List<String> errors = run.err().lines().toList();
    assertThat(errors).as(run.all()).hasSize(2);
    assertThat(errors)
        .allSatisfy(
            line ->
                assertThat(line).startsWith("faqbot: cannot reach the faqbot server at " + down));
    assertThat(run.out()).isEqualTo("No answer yet: ask a question first.\n\n");
  }

  /** A port nothing listens on (just closed). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void assertNoStackTrace(String text) {
    assertThat(text).doesNotContain("\tat ").doesNotContain("Exception");
  }
}
