package faqbot.slack;

import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests as Slack sends them, signed with Slack's own SDK, to a started server. */
final class SlackRequests {
  static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String JSON = "application/json";

  /** What the server answered, and how long it took. */
  record Reply(int status, String body, String contentType, Duration took) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  SlackRequests(String base) {
    this.base = base;
  }

  /** Posts {@code body}, signed now with {@link #SECRET}. */
  Reply signed(String path, String contentType, String body) {
    return post(path, contentType, body, headers(SECRET, Instant.now().getEpochSecond(), body));
  }

  /** Posts {@code body} with exactly these headers (besides the content type). */
  Reply post(String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    headers.forEach(request::header);
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(""),
          Duration.ofNanos(System.nanoTime() - start));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The two headers Slack signs a request with, made by Slack's SDK. */
  static Map<String, String> headers(String secret, long timestamp, String body) {
    String ts = Long.toString(timestamp);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, ts);
    headers.put(
        SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
        new SlackSignature.Generator(secret).generate(ts, body));
    return headers;
  }

  /** A form body, encoded as Slack encodes it. */
  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  /** A slash command's body, with every field Slack sends. */
  static String slashCommand(String text, String responseUrl) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
    fields.put("team_id", "T0001");
    fields.put("team_domain", "example");
    fields.put("enterprise_id", "E0001");
    fields.put("enterprise_name", "Globular Construct Inc");
    fields.put("channel_id", "C2147483705");
    fields.put("channel_name", "test");
    fields.put("user_id", "U2147483697");
    fields.put("user_name", "Steve");
    fields.put("command", "/faq");
    fields.put("text", text);
    fields.put("api_app_id", "A123456");
    fields.put("is_enterprise_install", "false");
    fields.put("response_url", responseUrl);
    fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
    return form(fields);
  }
}
