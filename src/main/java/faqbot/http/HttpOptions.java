package faqbot.http;

import faqbot.feedback.Journal;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the HTTP face is set up.
 *
 * @param allowedOrigins origins (like {@code https://example.org}) whose pages may call the API from the browser;
 *                       empty means same origin only. Each is checked and kept as browsers send it (lowercase,
 *                       without a default port); {@code *} is refused
 * @param extraRoutes    more routes to register on the same server (the Slack face adds its own this way)
 * @param journal        where feedback is kept
 */
public record HttpOptions(List<String> allowedOrigins, List<Consumer<JavalinConfig>> extraRoutes, Journal journal) {
  public HttpOptions {
    allowedOrigins = allowedOrigins.stream().map(Cors::normalize).distinct().toList();
    java.util.Objects.requireNonNull(journal, "journal (use Journal.NONE to keep nothing)");
    extraRoutes = List.copyOf(extraRoutes);
  }

  public static HttpOptions defaults() {
    return new HttpOptions(List.of(), List.of(), Journal.NONE);
  }

  /**
   * An origin as it will be compared with the browser's {@code Origin} header.
   *
   * @throws IllegalArgumentException when it is not an http or https origin, saying how to write one
   */
  public static String origin(String origin) {
    return Cors.normalize(origin);
  }
}
