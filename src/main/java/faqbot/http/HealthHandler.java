package faqbot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import faqbot.app.Bot;
import faqbot.feedback.Journal;
import io.javalin.http.Context;

/**
 * {@code GET /health}: the server is alive (always 200 while it runs), whether it is ready, how
 * many entries it serves, whether its index is complete or a first one still being completed, and
 * how the last corpus reload went. {@code GET /ready}: 200 once the index is open, 503 before.
 */
final class HealthHandler {
  private final Backend backend;
  private final Journal journal;

  HealthHandler(Backend backend, Journal journal) {
    this.backend = backend;
    this.journal = journal;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Health(
      String status,
      boolean ready,
      Integer entries,
      Boolean semantic,
      String index,
      Bot.ReloadStatus lastReload,
      String store) {}

  /**
   * @param ready whether questions are answered (the store's state does not change it: answers need
   *     no store)
   * @param store where verdicts and questions go, and whether it takes them now
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Ready(boolean ready, String store) {}

  void health(Context ctx) {
    if (!backend.isReady()) {
      ctx.json(new Health("ok", false, null, null, null, null, journal.state()));
      return;
    }
    ctx.json(
        new Health(
            "ok",
            true,
            backend.answerer().size(),
            backend.answerer().semantic(),
            backend.bot().map(b -> b.indexComplete() ? "complete" : "first").orElse(null),
            backend.bot().map(Bot::lastReload).orElse(null),
            journal.state()));
  }

  void ready(Context ctx) {
    boolean ready = backend.isReady();
    ctx.status(ready ? 200 : 503).json(new Ready(ready, journal.state()));
  }
}
