package faqbot.http;

import faqbot.feedback.Journal;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the HTTP face is set up.
 *
 * @param allowedOrigins origins (like {@code https://example.org}) whose pages may call the API
 *     from the browser; empty means same origin only. Each is checked and kept as browsers send it
 *     (lowercase, without a default port); {@code *} is refused
 * @param extraRoutes more routes to register on the same server (the Slack face adds its own this
 *     way)
 * @param journal where feedback is kept
 * @param limits request rates and the bound on answering work
 * @param adminToken the bearer token {@code POST /admin/reload} requires, or null to turn that
 *     route off
 */
public record HttpOptions(
    List<String> allowedOrigins,
    List<Consumer<JavalinConfig>> extraRoutes,
    Journal journal,
    Limits limits,
    String adminToken) {
  public HttpOptions {
    allowedOrigins = allowedOrigins.stream().map(Cors::normalize).distinct().toList();
    Objects.requireNonNull(journal, "journal (use Journal.NONE to keep nothing)");
    Objects.requireNonNull(limits, "limits");
    extraRoutes = List.copyOf(extraRoutes);
    if (adminToken != null && adminToken.length() < 16) {
      throw new IllegalArgumentException("the admin token must be at least 16 characters long");
    }
  }

  /** Options without a per-client rate limit or admin route (for tests and embedding). */
  public HttpOptions(
      List<String> allowedOrigins, List<Consumer<JavalinConfig>> extraRoutes, Journal journal) {
    this(allowedOrigins, extraRoutes, journal, Limits.defaults().withRate(0), null);
  }

  public static HttpOptions defaults() {
    return new HttpOptions(List.of(), List.of(), Journal.NONE);
  }

  /**
   * An origin as it will be compared with the browser's {@code Origin} header.
   *
   * @throws IllegalArgumentException when it is not an http or https origin, saying how to write
   *     one
   */
  public static String origin(String origin) {
    return Cors.normalize(origin);
  }
}
