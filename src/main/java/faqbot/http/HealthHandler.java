package faqbot.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import faqbot.app.Bot;
import io.javalin.http.Context;

/**
 * {@code GET /health}: the server is alive (always 200 while it runs), whether it is ready, how
 * many entries it serves, and how the last corpus reload went. {@code GET /ready}: 200 once the
 * index is open, 503 before.
 */
final class HealthHandler {
  private final Backend backend;

  HealthHandler(Backend backend) {
    this.backend = backend;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Health(
      String status,
      boolean ready,
      Integer entries,
      Boolean semantic,
      Bot.ReloadStatus lastReload) {}

  record Ready(boolean ready) {}

  void health(Context ctx) {
    if (!backend.isReady()) {
      ctx.json(new Health("ok", false, null, null, null));
      return;
    }
    ctx.json(
        new Health(
            "ok",
            true,
            backend.answerer().size(),
            backend.answerer().semantic(),
            backend.bot().map(Bot::lastReload).orElse(null)));
  }

  void ready(Context ctx) {
    boolean ready = backend.isReady();
    ctx.status(ready ? 200 : 503).json(new Ready(ready));
  }
}
