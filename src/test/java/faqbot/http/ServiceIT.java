package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.app.Bot;
import faqbot.feedback.Journal;
import faqbot.testing.Fixtures;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as operators run it: readiness, limits, metrics, admin reload. A real server on a
 * random port.
 */
class ServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "an-admin-token-of-some-length";
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  /** A started server over the bundled bot with these limits and nothing else configured. */
  private static Javalin startedWith(Limits limits) {
    return HttpApp.create(
            Backend.of(Fixtures.bundledBot().answerer()),
            new HttpOptions(List.of(), List.of(), Journal.NONE, limits, null))
        .start(0);
  }

  private HttpResponse<String> get(Javalin app, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> getForwarded(Javalin app, String path, String forwardedFor)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("X-Forwarded-For", forwardedFor)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> chat(Javalin app, String message) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/chat"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(Map.of("message", message))))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void isLiveAtOnceAndReadyOnlyWhenTheIndexIsOpen() throws Exception {
    Backend backend = Backend.starting();
    Javalin app = HttpApp.create(backend, HttpOptions.defaults()).start(0);
    try {
      assertThat(get(app, "/health").statusCode()).isEqualTo(200);
      assertThat(get(app, "/ready").statusCode()).isEqualTo(503);
      HttpResponse<String> early = chat(app, "What is inner alignment?");
      assertThat(early.statusCode()).isEqualTo(503);
      assertThat(early.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(early.body()).get("error").asText()).contains("still being built");

      backend.ready(Fixtures.bundledBot());
      assertThat(get(app, "/ready").statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(get(app, "/health").body()).get("entries").asInt()).isEqualTo(48);
      assertThat(chat(app, "What is inner alignment?").statusCode()).isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void limitsEachClientsRateWith429AndRetryAfter() throws Exception {
    Limits limits = new Limits(1, 3, 4, 16, 1_000, false);
    Javalin app = startedWith(limits);
    try {
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> last = null;
      for (int i = 0; i < 6; i++) {
        last = get(app, "/api/search?q=mesa");
        statuses.add(last.statusCode());
      }
      assertThat(statuses.subList(0, 3)).containsOnly(200);
      assertThat(statuses).contains(429);
      assertThat(last.statusCode()).isEqualTo(429);
      assertThat(last.headers().firstValue("Retry-After"))
          .hasValueSatisfying(v -> assertThat(Integer.parseInt(v)).isBetween(1, 2));
      assertThat(JSON.readTree(last.body()).get("error").asText()).contains("too many requests");
      assertThat(get(app, "/health").statusCode()).as("only the API is limited").isEqualTo(200);
      assertThat(get(app, "/metrics").body())
          .contains("faqbot_http_rejected_total{reason=\"rate_limited\"}");
    } finally {
      app.stop();
    }
  }

  @Test
  void behindATrustedProxyAClientCannotEscapeItsLimitByNamingItselfAnew() throws Exception {
    Limits limits = new Limits(1, 3, 4, 16, 1_000, true);
    Javalin app = startedWith(limits);
    try {
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // The client writes a new address of its own each time; the proxy appends the one it saw.
        statuses.add(
            getForwarded(app, "/api/search?q=mesa", "198.51.100." + i + ", 203.0.113.7")
                .statusCode());
      }
      assertThat(statuses.subList(0, 3)).containsOnly(200);
      assertThat(statuses.get(5)).isEqualTo(429);
      // Another client behind the same proxy has a budget of its own.
      assertThat(getForwarded(app, "/api/search?q=mesa", "203.0.113.8").statusCode())
          .isEqualTo(200);
    } finally {
      app.stop();
    }
  }

  @Test
  void refusesWith503AndRetryAfterWhenTheAnsweringQueueIsFull() throws Exception {
    // One answer at a time and no queue: of many questions sent at once, some must be refused, fast
    // and clearly.
    Limits limits = new Limits(0, 1, 1, 0, 0, false);
    Javalin app = startedWith(limits);
    try {
      List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String message = "a question never asked before, number " + i;
        sent.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return chat(app, message);
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                },
                Executors.newSingleThreadExecutor()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (CompletableFuture<HttpResponse<String>> f : sent) {
        HttpResponse<String> r = f.get();
        statuses.add(r.statusCode());
        if (r.statusCode() == 503) {
          assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
          assertThat(JSON.readTree(r.body()).get("error").asText()).contains("busy");
        }
      }
      assertThat(statuses).containsOnly(200, 503).contains(200, 503);
      assertThat(get(app, "/metrics").body())
          .contains("faqbot_http_rejected_total{reason=\"overloaded\"}");
    } finally {
      app.stop();
    }
  }

  @Test
  void refusesBodiesOverTheLimitWith413() throws Exception {
    Javalin app = HttpApp.create(Fixtures.bundledBot().answerer()).start(0);
    try {
      String big = "{\"message\": \"" + "x".repeat((int) HttpApp.MAX_BODY_BYTES) + "\"}";
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/api/chat"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(big))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(413);
      assertThat(JSON.readTree(response.body()).get("error").asText())
          .contains(Long.toString(HttpApp.MAX_BODY_BYTES));
    } finally {
      app.stop();
    }
  }

  @Test
  void exposesPrometheusMetricsByRouteAndOutcome() throws Exception {
    Javalin app = HttpApp.create(Fixtures.bundledBot().answerer()).start(0);
    try {
      chat(app, "What is inner alignment?");
      chat(app, "What's a good recipe for banana bread?");
      chat(app, "How does AI control differ from boxing an AI?");
      chat(app, "hello");
      get(app, "/nope");
      String metrics = get(app, "/metrics").body();
      assertThat(metrics)
          .contains(
              "faqbot_http_requests_seconds_count{method=\"POST\",route=\"/api/chat\",status=\"200\"}")
          .contains(
              "faqbot_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}")
          .contains("faqbot_answers_total{outcome=\"answered\"} 1.0")
          .contains("faqbot_answers_total{outcome=\"declined\"} 1.0")
          .contains("faqbot_answers_total{outcome=\"clarified\"} 1.0")
          .contains("faqbot_answers_total{outcome=\"smalltalk\"} 1.0")
          .contains("faqbot_feedback_total")
          .contains("faqbot_query_cache_hits_total")
          .contains("faqbot_query_cache_misses_total")
          .contains("faqbot_index_entries 48.0")
          .contains("faqbot_reloads_total")
          .contains("faqbot_reload_failures_total")
          .contains("faqbot_ready 1.0")
          .contains("jvm_memory_used_bytes");
    } finally {
      app.stop();
    }
  }

  @Test
  void exposesTheServersCachesInTheMetrics() throws Exception {
    // A burst of 1,000 at 1 a second: the client cannot be forgotten (after 1,000 s idle) between
    // the requests.
    Javalin app = startedWith(new Limits(1, 1_000, 4, 16, 1_000, false));
    try {
      // The same question twice: its JSON is written once, and the client is new once.
      chat(app, "What is reward hacking?");
      chat(app, "What is reward hacking?");
      String metrics = get(app, "/metrics").body();
      assertThat(metrics)
          .contains(
              "cache_gets_total{cache=\"" + ChatHandler.CACHE_NAME + "\",result=\"miss\"} 1.0")
          .contains("cache_gets_total{cache=\"" + ChatHandler.CACHE_NAME + "\",result=\"hit\"} 1.0")
          .contains(
              "cache_gets_total{cache=\"" + RateLimiter.CACHE_NAME + "\",result=\"miss\"} 1.0")
          .contains("cache_gets_total{cache=\"" + RateLimiter.CACHE_NAME + "\",result=\"hit\"} 1.0")
          .contains("cache_evictions_total{cache=\"" + ChatHandler.CACHE_NAME + "\"}")
          .contains("cache_evictions_total{cache=\"" + RateLimiter.CACHE_NAME + "\"}")
          .contains("cache_size{cache=\"" + RateLimiter.CACHE_NAME + "\"}");
    } finally {
      app.stop();
    }
  }

  @Test
  void reloadsOnAnAuthorizedAdminRequestOnly() throws Exception {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.copy(
        Fixtures.corpus().resolve("What is inner alignment?.txt"),
        corpus.resolve("What is inner alignment?.txt"));
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), true, r -> {})) {
      Javalin app = ReadyApp.start(bot, Journal.NONE, TOKEN);
      try {
        Files.writeString(
            corpus.resolve("added.txt"), "Question: What was added?\n\nThis.\n\nSources\n\n- A\n");
        HttpRequest.Builder reload =
            HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + "/admin/reload"))
                .POST(HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> denied =
            http.send(
                reload.copy().header("Authorization", "Bearer wrong").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(bot.answerer().size()).isEqualTo(1);
        HttpResponse<String> done =
            http.send(
                reload.copy().header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(done.body());
        assertThat(body.get("entries").asInt()).isEqualTo(2);
        assertThat(bot.answerer().size()).isEqualTo(2);
        assertThat(JSON.readTree(get(app, "/health").body()).at("/lastReload/ok").asBoolean())
            .isTrue();
      } finally {
        app.stop();
      }
    }
    Javalin off = HttpApp.create(Fixtures.bundledBot().answerer()).start(0);
    try {
      HttpResponse<String> none =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + off.port() + "/admin/reload"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(none.statusCode()).as("without a token the route is off").isIn(404, 405);
    } finally {
      off.stop();
    }
  }
}
