package faqbot.http;

import com.github.benmanes.caffeine.cache.Cache;
import faqbot.answer.Answer;
import faqbot.answer.Outcome;
import faqbot.app.Bot;
import faqbot.feedback.Journal;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The server's metrics in Prometheus's format, for {@code GET /metrics}: requests and their latency
 * per route and status, answers given and declined, feedback, the query-vector cache and the
 * server's own caches, the index, reloads, refusals, and the JVM.
 */
final class HttpMetrics {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
  private final Counter helpful;
  private final Counter unhelpful;

  HttpMetrics(Backend backend, Journal journal) {
    // The tag's values keep the names dashboards already use for answers and declines.
    Map<Outcome, String> names =
        Map.of(
            Outcome.ANSWER,
            "answered",
            Outcome.CLARIFY,
            "clarified",
            Outcome.DECLINE,
            "declined",
            Outcome.SMALLTALK,
            "smalltalk");
    for (Outcome outcome : Outcome.values()) {
      outcomes.put(
          outcome,
          Counter.builder("faqbot.answers")
              .tag("outcome", names.get(outcome))
              .description(
                  "Messages by what the bot did: answered, asked which was meant, declined, or small talk")
              .register(registry));
    }
    helpful =
        Counter.builder("faqbot.feedback")
            .tag("helpful", "true")
            .description("Feedback received")
            .register(registry);
    unhelpful =
        Counter.builder("faqbot.feedback")
            .tag("helpful", "false")
            .description("Feedback received")
            .register(registry);
    Gauge.builder("faqbot.ready", backend, b -> b.isReady() ? 1 : 0)
        .description("1 once the index is open")
        .register(registry);
    for (String state : List.of("file", "starting", "up", "down")) {
      Gauge.builder("faqbot.store", journal, j -> state.equals(j.state()) ? 1 : 0)
          .tag("state", state)
          .description(
              "1 for the state the store of verdicts and questions is in: a file, or the"
                  + " database starting, up or down")
          .register(registry);
    }
    Gauge.builder(
            "faqbot.index.entries", backend, b -> b.isReady() ? b.answerer().size() : Double.NaN)
        .description("Entries the index serves")
        .register(registry);
    FunctionCounter.builder(
            "faqbot.query.cache.hits", backend, b -> b.isReady() ? b.answerer().cacheHits() : 0)
        .description("Questions whose sentence vector came from the cache")
        .register(registry);
    FunctionCounter.builder(
            "faqbot.query.cache.misses", backend, b -> b.isReady() ? b.answerer().cacheMisses() : 0)
        .description("Questions that had to be embedded")
        .register(registry);
    FunctionCounter.builder(
            "faqbot.answer.cache.hits",
            backend,
            b -> b.isReady() ? b.answerer().answerCacheHits() : 0)
        .description("Messages answered whole from the answer cache")
        .register(registry);
    FunctionCounter.builder("faqbot.reloads", backend, b -> b.bot().map(Bot::reloads).orElse(0L))
        .description("Corpus reloads that swapped in a new index")
        .register(registry);
    FunctionCounter.builder(
            "faqbot.reload.failures", backend, b -> b.bot().map(Bot::reloadFailures).orElse(0L))
        .description("Corpus reloads that failed (the old index kept serving)")
        .register(registry);
    Gauge.builder(
            "faqbot.corpus.stale.files",
            backend,
            b -> b.bot().map(Bot::lastReload).map(r -> (double) r.staleFiles().size()).orElse(0.0))
        .description("Corpus files that do not parse and whose last good entries are still served")
        .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
  }

  void request(String method, String route, int status, float millis) {
    Timer.builder("faqbot.http.requests")
        .description("HTTP requests by route and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram(false)
        .register(registry)
        .record(Duration.ofNanos((long) (millis * 1_000_000)));
  }

  void answer(Answer answer) {
    outcomes.get(answer.outcome()).increment();
  }

  void feedback(boolean wasHelpful) {
    (wasHelpful ? helpful : unhelpful).increment();
  }

  /**
   * Shows a cache built with {@code recordStats()} as {@code cache_gets_total{cache=name,
   * result=hit|miss}}, {@code cache_evictions_total}, {@code cache_size} and the rest of
   * Micrometer's cache meters.
   */
  <K, V> void cache(String name, Cache<K, V> cache) {
    CaffeineCacheMetrics.monitor(registry, cache, name);
  }

  void rejected(String reason) {
    Counter.builder("faqbot.http.rejected")
        .description("Requests refused to protect the server")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  String scrape() {
    return registry.scrape();
  }
}
