package faqbot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faqbot.answer.Answer;
import faqbot.answer.Json;
import faqbot.text.Causes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Talks to a running faqbot server through its chat API ({@code POST <server>/api/chat}), the same
 * API the widget uses, so {@code ask --server} and {@code chat --server} answer exactly as the
 * server does. Every way the call can fail becomes a {@link UserError} with one line that says what
 * went wrong.
 */
final class RemoteClient {
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** Answers are read leniently: a newer server may add fields this client does not know yet. */
  private static final ObjectMapper JSON =
      Json.mapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The server's answer, read into the record, and the JSON exactly as the server sent it. */
  record Reply(Answer answer, String json) {}

  private final URI server;
  private final URI chat;
  private final HttpClient http;

  RemoteClient(URI server) {
    this.server = server;
    this.chat = URI.create(server + "/api/chat");
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Checks a {@code --server} value and returns it without a trailing slash.
   *
   * @throws ParameterException (a usage error) when it is not an http or https URL of a host
   */
  static URI parseServer(String text, CommandLine commandLine) {
    String problem = null;
    URI uri = null;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      problem = "it is not a URL (" + e.getReason() + ")";
    }
    if (uri != null) {
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        problem =
            uri.getScheme() == null || !text.contains("://")
                ? "it has no http:// or https:// in front"
                : "the scheme is '" + uri.getScheme() + "', not http or https";
      } else if (uri.getHost() == null || uri.getHost().isEmpty()) {
        problem = "it names no host";
      } else if (uri.getPort() > 65535) {
        problem = "the port " + uri.getPort() + " is not from 1 to 65535";
      } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        problem = "it has a query or fragment; give only the server's address";
      }
    }
    if (problem != null) {
      throw new ParameterException(
          commandLine,
          "--server must be an http:// or https:// URL like"
              + " http://localhost:"
              + ServeCommand.DEFAULT_PORT
              + ", got '"
              + text
              + "': "
              + problem);
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
    return URI.create(
        uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority() + path);
  }

  /**
   * Refuses the options that only mean something for a local FAQ when {@code --server} is given.
   */
  static void refuseLocalOptions(
      Locations locations, boolean keywordsOnly, CommandLine commandLine) {
    if (locations.anyGiven() || keywordsOnly) {
      throw new ParameterException(
          commandLine,
          "--server asks the server's FAQ; --corpus, --index, --smalltalk and"
              + " --keywords-only are for a local one: give one or the other");
    }
  }

  /**
   * Sends one message, with the {@code context} of the previous answer (or null), and returns the
   * server's answer.
   *
   * @throws UserError when the server cannot be reached, refuses the message, or does not answer
   *     like faqbot
   */
  Reply answer(String message, String context) {
    ObjectNode body = JSON.createObjectNode();
    body.put("message", message);
    if (context != null) {
      body.put("context", context);
    }
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(chat)
              .timeout(REQUEST_TIMEOUT)
              .header("Content-Type", "application/json; charset=utf-8")
              .header("Accept", "application/json")
              .header("User-Agent", "faqbot-cli")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      JSON.writeValueAsString(body), StandardCharsets.UTF_8))
              .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a request body always serializes", e);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException e) {
      throw new UserError(
          "cannot reach the faqbot server at "
              + server
              + ": no connection within "
              + CONNECT_TIMEOUT.toSeconds()
              + " s");
    } catch (HttpTimeoutException e) {
      throw new UserError(
          "the faqbot server at "
              + server
              + " did not answer within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s");
    } catch (ConnectException e) {
      throw new UserError("cannot reach the faqbot server at " + server + ": " + connectProblem(e));
    } catch (IOException e) {
      throw new UserError("cannot talk to the faqbot server at " + server + ": " + describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while waiting for the faqbot server at " + server);
    }
    return read(response);
  }

  private Reply read(HttpResponse<String> response) {
    int status = response.statusCode();
    String text = response.body() == null ? "" : response.body();
    if (status != 200) {
      String error = errorOf(text);
      throw new UserError(
          "the faqbot server at "
              + server
              + " answered HTTP "
              + status
              + (error != null
                  ? ": " + error
                  : status == 404
                      ? " for " + chat.getPath() + " (is it a faqbot server?)"
                      : " without saying why"));
    }
    try {
      Answer answer = JSON.readValue(text, Answer.class);
      if (answer == null || answer.reply() == null || answer.context() == null) {
        throw new UserError(notAnAnswer());
      }
      return new Reply(answer, text.strip());
    } catch (JsonProcessingException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      throw new UserError(notAnAnswer());
    }
  }

  private String notAnAnswer() {
    return "the server at "
        + server
        + " did not answer with a faqbot answer (is it a faqbot server?)";
  }

  /** The {@code error} of a {@code {"error": "…"}} body, or null when the body is not one. */
  private static String errorOf(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      JsonNode error = node == null ? null : node.get("error");
      return error != null && error.isTextual() && !error.asText().isBlank()
          ? oneLine(error.asText())
          : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String connectProblem(ConnectException e) {
    Throwable root = Causes.root(e);
    if (root instanceof UnresolvedAddressException) {
      return "the host is unknown";
    }
    String message = root.getMessage();
    if (message == null
        || message.isBlank()
        || message.strip().equalsIgnoreCase("connection refused")) {
      return "the connection was refused (is 'faqbot serve' running there?)";
    }
    return oneLine(message);
  }

  private static String describe(IOException e) {
    return Causes.rootMessage(e);
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
