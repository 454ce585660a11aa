package faqbot.http;

import io.javalin.http.Context;

/**
 * {@code GET /faq/{id}}: an answer as a web page; {@code GET /faq}: every question, by tag. The
 * JSON of an entry stays at {@code /api/faq/{id}}.
 */
final class FaqPageHandler {
  /** What the pages' titles say they are part of. */
  static final String SITE = "FAQ";

  private final Backend backend;

  FaqPageHandler(Backend backend) {
    this.backend = backend;
  }

  void entry(Context ctx) {
    String id = ctx.pathParam("id");
    html(ctx);
    backend
        .answerer()
        .entry(id)
        .ifPresentOrElse(
            entry -> ctx.result(FaqPages.entry(entry, SITE)),
            // A person following a stale link gets a page that says so, not the API's JSON.
            () -> ctx.status(404).result(FaqPages.notFound(id, SITE)));
  }

  void index(Context ctx) {
    html(ctx);
    ctx.result(FaqPages.index(backend.answerer().listing(), SITE));
  }

  private static void html(Context ctx) {
    ctx.contentType("text/html; charset=utf-8");
    ctx.header("Content-Security-Policy", FaqPages.POLICY);
    ctx.header("Cache-Control", "no-cache");
  }
}
