package faqbot.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-origin access to {@code /api/*}: only for the origins the operator listed ({@code
 * --allow-origin}), each answered with its own name, never {@code *}, and without credentials.
 * Pages of other origins get no CORS headers, so their browsers keep the answers from them; their
 * preflights are refused with 403. The POST routes take only {@code application/json}, which
 * browsers always preflight, so no other origin can make them write anything.
 */
final class Cors {
  static final String METHODS = "GET, POST";
  static final String HEADERS = "Content-Type";
  static final int MAX_AGE_SECONDS = 600;

  /** Request headers a preflight may ask for: ours, and those browsers let any request send. */
  private static final Set<String> ALLOWED_HEADERS =
      Set.of("content-type", "accept", "accept-language", "content-language");

  private final Set<String> allowed;

  Cors(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  /** Before every {@code /api/*} request: the CORS headers for an allowed origin. */
  void handle(Context ctx) {
    if (allowed.isEmpty() || ctx.method() == HandlerType.OPTIONS) {
      return; // preflights are answered by preflight(), allowed or not
    }
    ctx.header("Vary", "Origin");
    String origin = allowedOrigin(ctx);
    if (origin != null) {
      ctx.header("Access-Control-Allow-Origin", origin);
    }
  }

  /**
   * {@code OPTIONS} on an API route: a preflight is answered 204 for an allowed origin, else
   * refused with 403.
   */
  void preflight(Context ctx) {
    String origin = ctx.header("Origin");
    String method = ctx.header("Access-Control-Request-Method");
    if (origin == null || method == null) {
      ctx.header("Allow", METHODS + ", OPTIONS").status(204);
      return;
    }
    ctx.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (allowedOrigin(ctx) == null) {
      throw new ApiException(
          403,
          "pages from the origin '"
              + origin
              + "' may not call this API"
              + " (the server's operator can allow it with --allow-origin)");
    }
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new ApiException(
          403, "the method '" + method + "' is not allowed across origins; use " + METHODS);
    }
    String headers = ctx.header("Access-Control-Request-Headers");
    if (headers != null) {
      for (String header : headers.split(",")) {
        String name = header.strip().toLowerCase(Locale.ROOT);
        if (!name.isEmpty() && !ALLOWED_HEADERS.contains(name)) {
          throw new ApiException(
              403,
              "the request header '"
                  + header.strip()
                  + "' is not allowed across origins;"
                  + " only "
                  + HEADERS
                  + " is");
        }
      }
    }
    ctx.header("Access-Control-Allow-Origin", normalize(origin));
    ctx.header("Access-Control-Allow-Methods", METHODS);
    ctx.header("Access-Control-Allow-Headers", HEADERS);
    ctx.header("Access-Control-Max-Age", String.valueOf(MAX_AGE_SECONDS));
    ctx.status(204);
  }

  /** The request's origin when it is one of the allowed ones, as it was allowed; else null. */
  private String allowedOrigin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null) {
      return null;
    }
    try {
      String normalized = normalize(origin);
      return allowed.contains(normalized) ? normalized : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * An origin as browsers send it: {@code scheme://host[:port]}, lowercase, without the scheme's
   * default port.
   *
   * @throws IllegalArgumentException when it is not an http or https origin (a path, a wildcard,
   *     {@code null}, …)
   */
  static String normalize(String origin) {
    String raw = origin == null ? "" : origin.strip();
    if (raw.equals("*")) {
      throw new IllegalArgumentException(
          "'*' (every origin) is never allowed; name each origin, like https://example.org");
    }
    String trimmed = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(notAnOrigin(origin));
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(notAnOrigin(origin));
    }
    int port = uri.getPort();
    boolean defaultPort =
        port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port);
  }

  private static String notAnOrigin(String origin) {
    return "'"
        + origin
        + "' is not an origin; write it as scheme://host[:port], like https://example.org";
  }
}
