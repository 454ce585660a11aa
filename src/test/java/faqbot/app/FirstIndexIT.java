package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.SmallTalk;
import faqbot.corpus.CorpusSource;
import faqbot.feedback.Journal;
import faqbot.http.HttpOptions;
import faqbot.index.BuildReport;
import faqbot.testing.Fixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cold server on a corpus of long answers answers from a first index, then swaps in the whole
 * one; stopping it meanwhile leaves the first index for the next start to complete.
 */
class FirstIndexIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;

  private Service service(Path corpus) {
    return service(corpus, true);
  }

  private Service service(Path corpus, boolean semantic) {
    return Service.of(
        new Service.Settings(
            CorpusSource.of(corpus),
            dir.resolve("index"),
            semantic,
            SmallTalk.standard(),
            false,
            Journal.NONE,
            HttpOptions.defaults()));
  }

  private static JsonNode get(int port, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  private static JsonNode ask(int port, String message) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(java.util.Map.of("message", message))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** Waits for the completing build's report, which comes once the whole index is served. */
  private static void awaitBuilds(List<BuildReport> builds, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 300_000_000_000L;
    while (builds.size() < count) {
      assertThat(System.nanoTime()).as("the whole index within 5 minutes").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void answersFromAFirstIndexAndSwapsInTheWholeOneWhenItsPassagesAreEmbedded() throws Exception {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 50);
    List<BuildReport> builds = Collections.synchronizedList(new ArrayList<>());
    int[] port = new int[1];
    try (Service service = service(corpus)) {
      Bot bot = service.start("127.0.0.1", 0, builds::add, p -> port[0] = p);
      assertThat(builds.get(0).deferred()).isEqualTo(250);
      // 250 passages through both models take seconds: the first index is still serving.
      assertThat(get(port[0], "/health").path("index").asText()).isEqualTo("first");
      JsonNode answer = ask(port[0], "What is topic number 37?");
      assertThat(answer.path("outcome").asText()).isIn("answer", "clarify");
      assertThat(answer.toString()).contains("topic-37");
      // A reload meanwhile (an edit, a phrasing added) is not held up by the completion: it makes
      // another first index at once, and the completion still follows.
      assertThat(bot.reindex().deferred()).isEqualTo(250);

      awaitBuilds(builds, 2);
      assertThat(get(port[0], "/health").path("index").asText()).isEqualTo("complete");
      assertThat(builds.get(1).embedded()).as("only the passages were embedded").isEqualTo(250);
      assertThat(builds.get(1).deferred()).isZero();
      assertThat(ask(port[0], "What is topic number 37?").toString()).contains("topic-37");
    }
  }

  @Test
  void stoppingWhileTheIndexIsCompletedLeavesTheFirstIndexForTheNextStart() throws Exception {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 50);
    List<BuildReport> builds = Collections.synchronizedList(new ArrayList<>());
    Service service = service(corpus);
    service.start("127.0.0.1", 0, builds::add, p -> {});
    long closing = System.nanoTime();
    service.close();
    // Closing stopped the completion (the models finish the text in hand) rather than waiting for
    // it, or for the minute a stuck completion is given.
    assertThat(System.nanoTime() - closing).isLessThan(30_000_000_000L);
    assertThat(builds).hasSize(1);

    builds.clear();
    int[] port = new int[1];
    try (Service again = service(corpus)) {
      Bot bot = again.start("127.0.0.1", 0, builds::add, p -> port[0] = p);
      awaitBuilds(builds, 1);
      assertThat(bot.indexComplete()).isTrue();
      assertThat(bot.isCurrent()).isTrue();
      // The first index was opened as it was; the one build completed it, reusing its vectors.
      assertThat(builds).singleElement().satisfies(b -> assertThat(b.embedded()).isEqualTo(250));
    }
  }

  @Test
  void aKeywordOnlyServerLeavesAFirstIndexAsItIsForTheNextServerWithTheModels() throws Exception {
    Path corpus = Fixtures.longAnswers(dir.resolve("corpus"), 50);
    Service semantic = service(corpus);
    semantic.start("127.0.0.1", 0, r -> {}, p -> {});
    semantic.close();

    List<BuildReport> builds = Collections.synchronizedList(new ArrayList<>());
    int[] port = new int[1];
    try (Service keywords = service(corpus, false)) {
      keywords.start("127.0.0.1", 0, builds::add, p -> port[0] = p);
      // Nothing to complete without the models, and the first index is not rebuilt without vectors.
      assertThat(get(port[0], "/health").path("index").asText()).isEqualTo("complete");
      assertThat(ask(port[0], "What is topic number 37?").toString()).contains("topic-37");
    }
    assertThat(builds).isEmpty();

    try (Service again = service(corpus)) {
      Bot bot = again.start("127.0.0.1", 0, builds::add, p -> {});
      awaitBuilds(builds, 1);
      assertThat(bot.indexComplete()).isTrue();
      assertThat(builds.get(0).embedded()).as("only the passages, as before").isEqualTo(250);
    }
  }
}
