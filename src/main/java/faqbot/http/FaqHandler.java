package faqbot.http;

import faqbot.answer.Answerer;
import io.javalin.http.Context;

/** {@code GET /api/faq/{id}}: one entry, with its related questions resolved. */
final class FaqHandler {
  private final Answerer answerer;

  FaqHandler(Answerer answerer) {
    this.answerer = answerer;
  }

  void handle(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(answerer.entry(id).orElseThrow(() -> new ApiException(404, "no entry has the id '" + id + "'")));
  }
}
