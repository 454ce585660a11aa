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
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Slack: through the Web API's {@code chat.postMessage} with the bot token, or to the
 * {@code response_url} of a slash command or button click. Every call has a connect and a request timeout; a
 * failure is logged (never with the token or the full response URL) and reported as false, never thrown.
 */
final class SlackClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(SlackClient.class);

  private final HttpClient http;
  private final ObjectMapper json;
  private final URI apiBase;
  private final String botToken;

  SlackClient(SlackSettings settings, ObjectMapper json) {
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.json = json;
    this.apiBase = settings.apiBase();
    this.botToken = settings.botToken();
  }

  /** Posts a message with {@code chat.postMessage}: {@code message} must carry {@code channel}. Blocks. */
  boolean postMessage(ObjectNode message) {
    HttpRequest request = postMessageRequest(message);
    if (request == null) {
      return false;
    }
    try {
      return checkWebApi(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      LOG.warn("chat.postMessage failed: {}", e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Like {@link #postMessage}, without waiting: for short notices sent from a request thread. */
  CompletableFuture<Boolean> postMessageAsync(ObjectNode message) {
    HttpRequest request = postMessageRequest(message);
    if (request == null) {
      return CompletableFuture.completedFuture(false);
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(this::checkWebApi)
        .exceptionally(e -> {
          LOG.warn("chat.postMessage failed: {}", e.toString());
          return false;
        });
  }

  /** Posts {@code message} to a {@code response_url}. Blocks. */
  boolean respond(String responseUrl, ObjectNode message) {
    HttpRequest request = responseRequest(responseUrl, message);
    if (request == null) {
      return false;
    }
    try {
      return checkResponseUrl(http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      LOG.warn("posting to the response_url at {} failed: {}", request.uri().getHost(), e.toString());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Like {@link #respond}, without waiting. */
  CompletableFuture<Boolean> respondAsync(String responseUrl, ObjectNode message) {
    HttpRequest request = responseRequest(responseUrl, message);
    if (request == null) {
      return CompletableFuture.completedFuture(false);
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(this::checkResponseUrl)
        .exceptionally(e -> {
          LOG.warn("posting to the response_url at {} failed: {}", request.uri().getHost(), e.toString());
          return false;
        });
  }

  /**
   * Whether {@code url} is one we may post to: an https URL on Slack's own domains, or on the host of the
   * configured API base URL (a test double, or a proxy). A signed request can name only what Slack gave it, but
   * checking costs nothing and keeps a leaked secret from turning the bot into a proxy.
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
    if ("https".equalsIgnoreCase(uri.getScheme()) && uri.getPort() == -1
        && (host.equals("slack.com") || host.endsWith(".slack.com") || host.endsWith(".slack-gov.com"))) {
      return true;
    }
    return uri.getScheme() != null && uri.getScheme().equalsIgnoreCase(apiBase.getScheme())
        && host.equals(apiBase.getHost().toLowerCase(Locale.ROOT)) && uri.getPort() == apiBase.getPort();
  }

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

  private boolean checkWebApi(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      LOG.warn("chat.postMessage answered HTTP {}{}", response.statusCode(),
          response.statusCode() == 429 ? " (rate limited; Retry-After "
              + response.headers().firstValue("Retry-After").orElse("?") + ")" : "");
      return false;
    }
    try {
      JsonNode body = json.readTree(response.body());
      if (!body.path("ok").asBoolean(false)) {
        LOG.warn("chat.postMessage refused the message: {}", body.path("error").asText("no error given"));
        return false;
      }
      if (body.has("warning")) {
        LOG.info("chat.postMessage warned: {}", body.path("warning").asText());
      }
      return true;
    } catch (IOException e) {
      LOG.warn("chat.postMessage answered something that is not JSON");
      return false;
    }
  }

  private boolean checkResponseUrl(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      LOG.warn("the response_url answered HTTP {}: {}", response.statusCode(),
          Cut.atMost(body, 200));
      return false;
    }
    return true;
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
