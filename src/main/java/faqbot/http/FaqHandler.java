package faqbot.http;

import io.javalin.http.Context;

/** {@code GET /api/faq/{id}}: one entry, with its related questions resolved. */
final class FaqHandler {
  private final Backend backend;

  FaqHandler(Backend backend) {
    this.backend = backend;
  }

  void handle(Context ctx) {
    String id = ctx.pathParam("id");
    ctx.json(
        backend
            .answerer()
            .entry(id)
            .orElseThrow(() -> new ApiException(404, "no entry has the id '" + id + "'")));
  }
}
