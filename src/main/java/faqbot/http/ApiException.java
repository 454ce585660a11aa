package faqbot.http;

import java.util.Map;

/** A request the API refuses, with the status to answer and a message that says what is wrong. */
public class ApiException extends RuntimeException {
  private final int status;
  private final Map<String, String> headers;

  public ApiException(int status, String message) {
    this(status, message, Map.of());
  }

  /** A refusal with response headers, such as {@code Retry-After} on a 429 or 503. */
  public ApiException(int status, String message, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
