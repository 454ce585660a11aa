package faqbot.http;

import faqbot.answer.Answerer;
import io.javalin.http.Context;

/** {@code GET /health}: whether the server is up, and how many entries it knows. */
final class HealthHandler {
  private final Answerer answerer;

  HealthHandler(Answerer answerer) {
    this.answerer = answerer;
  }

  record Health(String status, int entries, boolean semantic) {}

  void handle(Context ctx) {
    ctx.json(new Health("ok", answerer.size(), answerer.semantic()));
  }
}
