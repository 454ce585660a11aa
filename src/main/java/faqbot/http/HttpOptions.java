package faqbot.http;

import faqbot.feedback.Journal;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.function.Consumer;

/**
 * How the HTTP face is set up.
 *
 * @param allowedOrigins origins (like {@code https://example.org}) whose pages may call the API from the browser;
 *                       empty means same origin only
 * @param extraRoutes    more routes to register on the same server (the Slack face adds its own this way)
 * @param journal        where feedback is kept
 */
public record HttpOptions(List<String> allowedOrigins, List<Consumer<JavalinConfig>> extraRoutes, Journal journal) {
  public HttpOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    extraRoutes = List.copyOf(extraRoutes);
  }

  public static HttpOptions defaults() {
    return new HttpOptions(List.of(), List.of(), Journal.NONE);
  }
}
