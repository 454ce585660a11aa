package faqbot.http;

import io.javalin.http.Context;

/**
 * Headers every response carries, set before any handler runs so that errors (404, 405, 413, 500) have them too:
 * no MIME sniffing, no referrer, no framing, and a content policy that lets a response load nothing. The demo page
 * replaces the content policy with its own.
 */
final class SecurityHeaders {
  static final String NOTHING_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  void handle(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Content-Security-Policy", NOTHING_POLICY);
  }
}
