package faqbot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Answerer;
import faqbot.answer.InvalidMessageException;
import faqbot.answer.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the HTTP face of the bot, unstarted, so tests and the command line start it their way:
 * the JSON API, the embeddable chat widget ({@code /widget.js}) and a demo page that embeds it
 * ({@code /}).
 */
public final class HttpApp {
  /**
   * The largest request body accepted. A chat request is at most about 77 KB: a message of the
   * longest length with every character escaped, the longest context token, and its tags.
   */
  public static final long MAX_BODY_BYTES = 128 * 1024;

  /**
   * How long stopping waits for requests in flight; an answer takes milliseconds, a reload some
   * seconds.
   */
  static final long STOP_MILLIS = 10_000;

  /**
   * The routes a page of another origin may call (when allowed): each answers its CORS preflight.
   */
  static final List<String> API_ROUTES =
      List.of("/api/chat", "/api/faq/{id}", "/api/search", "/api/suggest", "/api/feedback");

  private static final Logger LOG = LoggerFactory.getLogger(HttpApp.class);
  private static final Pattern MALFORMED_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  /**
   * One line per request, with its latency; its own logger so operators can route or silence it.
   */
  private static final Logger REQUESTS = LoggerFactory.getLogger("faqbot.requests");

  private HttpApp() {}

  public static Javalin create(Answerer answerer) {
    return create(answerer, HttpOptions.defaults());
  }

  public static Javalin create(Answerer answerer, HttpOptions options) {
    return create(Backend.of(answerer), options);
  }

  /**
   * The HTTP face over a backend that may still be opening its index (then the API answers 503
   * until ready).
   */
  public static Javalin create(Backend backend, HttpOptions options) {
    ObjectMapper mapper = Json.mapper();
    HttpMetrics metrics = new HttpMetrics(backend, options.journal());
    Limits.Enforcer limits = new Limits.Enforcer(options.limits(), metrics);
    ChatHandler chat = new ChatHandler(backend, metrics, options.journal(), limits);
    FaqHandler faq = new FaqHandler(backend);
    SearchHandler search = new SearchHandler(backend);
    HealthHandler health = new HealthHandler(backend, options.journal());
    SuggestHandler suggest = new SuggestHandler(backend);
    FeedbackHandler feedback = new FeedbackHandler(backend, options.journal(), metrics);
    SecurityHeaders security = new SecurityHeaders();
    Cors cors = new Cors(options.allowedOrigins());
    Asset widget = Asset.widget();
    Asset demoPage = Asset.demoPage();
    Asset faqStyles = Asset.faqStyles();
    FaqPageHandler pages = new FaqPageHandler(backend);
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.startup.startupWatcherEnabled = false;
          config.http.maxRequestSize = MAX_BODY_BYTES;
          // Jetty keeps a cache of header lines for every connection, 96 KB each by default: a
          // thousand open
          // keep-alive connections (a busy page's widgets) then hold 96 MB, and on a small heap the
          // server spends its
          // time collecting garbage. Parsing headers without it costs nothing measurable
          // (docs/performance.md).
          config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
          config.jetty.modifyServer(
              server -> {
                // Stopping lets the requests in flight finish, for up to STOP_MILLIS, rather than
                // cutting their
                // connections (and the answers they were about to get); new ones are refused
                // meanwhile.
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_MILLIS);
                // Requests Jetty refuses before Javalin sees them get the API's JSON errors too,
                // not Jetty's HTML page.
                server.setErrorHandler(new JsonErrorHandler());
              });
          config.http.prefer405over404 = true;
          config.jsonMapper(new JavalinJackson(mapper, false));
          config.requestLogger.http(
              (ctx, millis) -> {
                String route = route(ctx);
                metrics.request(ctx.method().name(), route, ctx.status().getCode(), millis);
                REQUESTS.info(
                    "{} {} {} {} ms",
                    ctx.method().name(),
                    ctx.path(),
                    ctx.status().getCode(),
                    String.format(Locale.ROOT, "%.1f", millis));
              });

          config.routes.before(security::handle);
          config.routes.before(HttpApp::refuseMalformedEscapes);
          config.routes.before("/api/*", cors::handle);
          config.routes.before("/api/*", limits::rateLimit);

          config.routes.post("/api/chat", chat::handle);
          config.routes.get("/api/faq/{id}", faq::handle);
          config.routes.get("/api/search", limits.bounded(search::handle));
          config.routes.get("/api/suggest", suggest::handle);
          config.routes.post("/api/feedback", feedback::handle);
          config.routes.get("/health", health::health);
          config.routes.get("/ready", health::ready);
          config.routes.get(
              "/metrics",
              ctx ->
                  ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                      .result(metrics.scrape()));
          if (options.adminToken() != null) {
            AdminHandler admin = new AdminHandler(backend, options.adminToken());
            config.routes.post("/admin/reload", admin::reload);
            config.routes.post("/admin/phrasings", admin::phrasings);
            EditorsHandler editors = new EditorsHandler(backend, options.journal());
            Asset adminPage = Asset.adminPage();
            Asset adminScript = Asset.adminScript();
            config.routes.get("/admin", adminPage::handle);
            config.routes.get("/admin.js", adminScript::handle);
            config.events.serverStarted(editors::warm);
            config.events.serverStopped(editors::close);
            config.routes.get("/admin/api/questions", admin.authorized(editors::questions));
            config.routes.get("/admin/api/unhelpful", admin.authorized(editors::unhelpful));
            config.routes.get("/admin/api/suggestions", admin.authorized(editors::suggestions));
            config.routes.get("/admin/api/traffic", admin.authorized(editors::traffic));
            config.routes.get("/admin/api/new-entries", admin.authorized(editors::newEntries));
            config.routes.get(
                "/admin/api/new-entries.csv", admin.authorized(editors::newEntriesCsv));
            config.routes.post("/admin/decisions", admin.authorized(editors::decide));
          }
          config.routes.get("/faq", pages::index);
          config.routes.get("/faq/{id}", pages::entry);
          config.routes.get("/faq.css", faqStyles::handle);
          config.routes.get("/widget.js", widget::handle);
          config.routes.head("/widget.js", widget::handle);
          config.routes.get("/", demoPage::handle);
          config.routes.head("/", demoPage::handle);
          for (String api : API_ROUTES) {
            config.routes.options(api, cors::preflight);
          }
          options.extraRoutes().forEach(routes -> routes.accept(config));

          config.routes.exception(
              ApiException.class,
              (e, ctx) -> {
                e.headers().forEach(ctx::header);
                error(ctx, e.status(), e.getMessage());
              });
          config.routes.exception(
              InvalidMessageException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
          config.routes.exception(
              HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), describe(e, ctx)));
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; the server log has the details");
              });
          config.routes.error(
              404,
              ctx -> {
                String type = ctx.res().getContentType();
                // A handler's own 404 (JSON from the API, a page from /faq/{id}) stands.
                if (type == null
                    || !(type.startsWith("application/json") || type.startsWith("text/html"))) {
                  error(ctx, 404, "no such route: " + ctx.method() + " " + ctx.path());
                }
              });
          config.routes.error(
              405,
              ctx ->
                  error(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path()));
        });
  }

  /**
   * Refuses a path with a %-escape that is not two hex digits ({@code %u0041}, which Jetty lets
   * through): Javalin would fail to decode it into a path parameter, and the client get a 500 for
   * its own mistake.
   */
  private static void refuseMalformedEscapes(Context ctx) {
    if (MALFORMED_ESCAPE.matcher(ctx.path()).find()) {
      throw new ApiException(
          400, "the path has a malformed %-escape (each % must be followed by two hex digits)");
    }
  }

  /**
   * The route template a request matched (never the raw path, to keep metric labels few), or
   * "unmatched".
   */
  private static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
      return endpoint == null ? "unmatched" : endpoint.path;
    } catch (RuntimeException e) {
      return "unmatched";
    }
  }

  /** Javalin's own refusals, in the API's words. */
  private static String describe(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 404 -> "no such route: " + ctx.method() + " " + ctx.path();
      case 405 -> "method " + ctx.method() + " is not allowed on " + ctx.path();
      case 413 -> "the request body is larger than the limit of " + MAX_BODY_BYTES + " bytes";
      default -> e.getMessage();
    };
  }

  private static void error(Context ctx, int status, String message) {
    ctx.status(status).json(new ApiError(message));
  }
}
