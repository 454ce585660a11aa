package faqbot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.text.Cut;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Slack: through the Web API's {@code chat.postMessage} with the bot token, or to
 * the {@code response_url} of a slash command or button click. Every call has a connect and a
 * request timeout; a failure is logged (never with the token or the full response URL) and reported
 * as false, never thrown.
 *
 * <p>When Slack rate-limits a call (HTTP 429, or {@code "error": "ratelimited"}), it is sent again
 * after the {@code Retry-After} Slack asks for, as long as that retry starts within {@link
 * #RETRY_BUDGET} of the first try; otherwise it is given up with one log line. A blocking call
 * keeps its caller (a worker) until then; an asynchronous one, sent from a request thread, keeps no
 * thread at all while it waits.
 */
final class SlackClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long after its first try a rate-limited message may still be sent again. Slack asks for
   * waits of a second to about a minute; half a minute covers the short ones, after which an answer
   * comes too late to be wanted, and a worker kept longer would keep the few others' questions
   * waiting.
   */
  static final Duration RETRY_BUDGET = Duration.ofSeconds(30);

  /**
   * The shortest wait before a retry, and the wait when Slack rate-limits without a usable {@code
   * Retry-After}.
   */
  static final Duration MIN_RETRY_AFTER = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(SlackClient.class);

  /**
   * Slack's error codes for a rate-limited call: the Web API's generic one, and chat.postMessage's
   * own.
   */
  private static final Set<String> RATE_LIMITED = Set.of("ratelimited", "rate_limited");

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI apiBase;
  private final String botToken;
  private final Duration retryBudget;

  SlackClient(SlackSettings settings, ObjectMapper json) {
    this(settings, json, RETRY_BUDGET);
  }

  SlackClient(SlackSettings settings, ObjectMapper json, Duration retryBudget) {
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.json = json;
    this.apiBase = settings.apiBase();
    this.botToken = settings.botToken();
    this.retryBudget = retryBudget;
  }

  /**
   * Posts a message with {@code chat.postMessage}: {@code message} must carry {@code channel}.
   * Blocks.
   */
  boolean postMessage(ObjectNode message) {
    return await(postMessageAsync(message));
  }

  /** Like {@link #postMessage}, without waiting: for short notices sent from a request thread. */
  CompletableFuture<Boolean> postMessageAsync(ObjectNode message) {
    HttpRequest request = postMessageRequest(message);
    if (request == null) {
      return CompletableFuture.completedFuture(false);
    }
    return send("chat.postMessage", request, this::checkWebApi);
  }

  /** Posts {@code message} to a {@code response_url}. Blocks. */
  boolean respond(String responseUrl, ObjectNode message) {
    return await(respondAsync(responseUrl, message));
  }

  /** Like {@link #respond}, without waiting. */
  CompletableFuture<Boolean> respondAsync(String responseUrl, ObjectNode message) {
    HttpRequest request = responseRequest(responseUrl, message);
    if (request == null) {
      return CompletableFuture.completedFuture(false);
    }
    return send("the response_url at " + request.uri().getHost(), request, this::checkResponseUrl);
  }

  /**
   * Whether {@code url} is one we may post to: an https URL on Slack's own domains, or on the host
   * of the configured API base URL (a test double, or a proxy). A signed request can name only what
   * Slack gave it, but checking costs nothing and keeps a leaked secret from turning the bot into a
   * proxy.
   */
  boolean allowedResponseUrl(String url) {
    if (url == null || url.isBlank()) {
      return false;
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return false;
    }
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (uri.getUserInfo() != null || host.isEmpty()) {
      return false;
    }
    if ("https".equalsIgnoreCase(uri.getScheme())
        && uri.getPort() == -1
        && (host.equals("slack.com")
            || host.endsWith(".slack.com")
            || host.endsWith(".slack-gov.com"))) {
      return true;
    }
    return uri.getScheme() != null
        && uri.getScheme().equalsIgnoreCase(apiBase.getScheme())
        && host.equals(apiBase.getHost().toLowerCase(Locale.ROOT))
        && uri.getPort() == apiBase.getPort();
  }

  // ------------------------------------------------------------------ sending and retrying

  /**
   * What one answer from Slack means: sent, refused (and logged), or rate-limited with the wait
   * Slack asked for.
   */
  private record Verdict(boolean sent, Duration retryAfter) {
    static final Verdict SENT = new Verdict(true, null);
    static final Verdict REFUSED = new Verdict(false, null);

    static Verdict rateLimited(HttpResponse<?> response) {
      return new Verdict(false, requestedWait(response));
    }
  }

  /**
   * One message on its way: what it is called in the log, its request, how to read Slack's answer,
   * its result.
   */
  private record Delivery(
      String what,
      HttpRequest request,
      Function<HttpResponse<String>, Verdict> check,
      long deadline,
      CompletableFuture<Boolean> result) {}

  /**
   * Sends {@code request}, again after each rate limit that leaves time; completes with whether it
   * was sent.
   */
  private CompletableFuture<Boolean> send(
      String what, HttpRequest request, Function<HttpResponse<String>, Verdict> check) {
    Delivery delivery =
        new Delivery(
            what,
            request,
            check,
            System.nanoTime() + retryBudget.toNanos(),
            new CompletableFuture<>());
    attempt(delivery, 1);
    return delivery.result();
  }

  private void attempt(Delivery delivery, int tries) {
    if (delivery.result().isDone()) {
      return; // given up on while it waited (its worker was stopped)
    }
    try {
      http.sendAsync(delivery.request(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
          .whenComplete((response, error) -> answered(delivery, tries, response, error));
    } catch (RuntimeException e) {
      fail(delivery, e);
    }
  }

  /**
   * Settles a delivery on Slack's answer (or on the call's failure), or sends it again after the
   * wait asked for.
   */
  private void answered(
      Delivery delivery, int tries, HttpResponse<String> response, Throwable error) {
    try {
      if (error != null) {
        fail(
            delivery,
            error instanceof CompletionException && error.getCause() != null
                ? error.getCause()
                : error);
        return;
      }
      Verdict verdict = delivery.check().apply(response);
      if (verdict.retryAfter() == null) {
        delivery.result().complete(verdict.sent());
        return;
      }
      long wait = verdict.retryAfter().toNanos();
      if (System.nanoTime() + wait - delivery.deadline() > 0) {
        LOG.warn(
            "{} is rate limited (Retry-After {} s) after {} {}: giving up, a retry would not start within {} s"
                + " of the first try",
            delivery.what(),
            verdict.retryAfter().toSeconds(),
            tries,
            tries == 1 ? "try" : "tries",
            retryBudget.toSeconds());
        delivery.result().complete(false);
        return;
      }
      LOG.debug(
          "{} is rate limited: trying again in {} s",
          delivery.what(),
          verdict.retryAfter().toSeconds());
      CompletableFuture.delayedExecutor(wait, TimeUnit.NANOSECONDS)
          .execute(() -> attempt(delivery, tries + 1));
    } catch (RuntimeException e) {
      fail(delivery, e);
    }
  }

  private static void fail(Delivery delivery, Throwable cause) {
    LOG.warn("{} failed: {}", delivery.what(), cause.toString());
    delivery.result().complete(false);
  }

  /**
   * Waits for a message to be sent or given up; an interrupt (the workers stopping) gives it up at
   * once.
   */
  private static boolean await(CompletableFuture<Boolean> sent) {
    try {
      return sent.get();
    } catch (InterruptedException e) {
      sent.complete(false);
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      return false; // never: failures complete with false
    }
  }

  /**
   * The wait Slack asks for in {@code Retry-After} (in seconds), and at least {@link
   * #MIN_RETRY_AFTER}.
   */
  private static Duration requestedWait(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse("").strip();
    if (value.isEmpty()
        || value.length() > 9
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return MIN_RETRY_AFTER;
    }
    Duration asked = Duration.ofSeconds(Long.parseLong(value));
    return asked.compareTo(MIN_RETRY_AFTER) < 0 ? MIN_RETRY_AFTER : asked;
  }

  // ------------------------------------------------------------------ requests and answers

  private HttpRequest postMessageRequest(ObjectNode message) {
    if (botToken == null) {
      LOG.warn("cannot answer in a channel: {} is not set", SlackSettings.BOT_TOKEN);
      return null;
    }
    return HttpRequest.newBuilder(URI.create(apiBase + "/chat.postMessage"))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Authorization", "Bearer " + botToken)
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(message)))
        .build();
  }

  private HttpRequest responseRequest(String responseUrl, ObjectNode message) {
    if (!allowedResponseUrl(responseUrl)) {
      LOG.warn("not posting to a response_url that is not Slack's: {}", hostOf(responseUrl));
      return null;
    }
    return HttpRequest.newBuilder(URI.create(responseUrl))
        .timeout(REQUEST_TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(message)))
        .build();
  }

  private Verdict checkWebApi(HttpResponse<String> response) {
    if (response.statusCode() == 429) {
      return Verdict.rateLimited(response);
    }
    if (response.statusCode() != 200) {
      LOG.warn("chat.postMessage answered HTTP {}", response.statusCode());
      return Verdict.REFUSED;
    }
    JsonNode body = jsonBody(response);
    if (body == null) {
      LOG.warn("chat.postMessage answered something that is not JSON");
      return Verdict.REFUSED;
    }
    if (!body.path("ok").asBoolean(false)) {
      String error = body.path("error").asText("");
      if (RATE_LIMITED.contains(error)) {
        return Verdict.rateLimited(response);
      }
      LOG.warn(
          "chat.postMessage refused the message: {}", error.isEmpty() ? "no error given" : error);
      return Verdict.REFUSED;
    }
    if (body.has("warning")) {
      LOG.info("chat.postMessage warned: {}", body.path("warning").asText());
    }
    return Verdict.SENT;
  }

  private Verdict checkResponseUrl(HttpResponse<String> response) {
    String body = response.body() == null ? "" : response.body();
    JsonNode answer = jsonBody(response);
    if (response.statusCode() == 429
        || answer != null && RATE_LIMITED.contains(answer.path("error").asText(""))) {
      return Verdict.rateLimited(response);
    }
    if (response.statusCode() / 100 != 2) {
      LOG.warn(
          "the response_url answered HTTP {}: {}", response.statusCode(), Cut.atMost(body, 200));
      return Verdict.REFUSED;
    }
    return Verdict.SENT;
  }

  /** The body as a JSON object, or null when it is not one. */
  private JsonNode jsonBody(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank() || body.strip().charAt(0) != '{') {
      return null;
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private byte[] bytes(ObjectNode message) {
    try {
      return json.writeValueAsBytes(message);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static String hostOf(String url) {
    try {
      URI uri = URI.create(url);
      return uri.getScheme() + "://" + uri.getHost();
    } catch (RuntimeException e) {
      return "(not a URL)";
    }
  }
}
