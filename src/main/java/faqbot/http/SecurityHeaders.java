package faqbot.http;

import io.javalin.http.Context;
import java.util.Map;

/**
 * Headers every response carries, set before any handler runs so that errors (404, 405, 413, 500)
 * have them too: no MIME sniffing, no referrer, no framing, and a content policy that lets a
 * response load nothing. The demo page replaces the content policy with its own.
 */
final class SecurityHeaders {
  static final String NOTHING_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * The headers and their values; {@link JsonErrorHandler} sets them on the errors Jetty sends
   * itself.
   */
  static final Map<String, String> HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Referrer-Policy", "no-referrer",
          "X-Frame-Options", "DENY",
          "Content-Security-Policy", NOTHING_POLICY);

  void handle(Context ctx) {
    HEADERS.forEach(ctx::header);
  }
}
