package faqbot.http;

/** A request the API refuses, with the status to answer and a message that says what is wrong. */
public class ApiException extends RuntimeException {
  private final int status;
  private final java.util.Map<String, String> headers;

  public ApiException(int status, String message) {
    this(status, message, java.util.Map.of());
  }

  /** A refusal with response headers, such as {@code Retry-After} on a 429 or 503. */
  public ApiException(int status, String message, java.util.Map<String, String> headers) {
    super(message);
    this.status = status;
    this.headers = java.util.Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public java.util.Map<String, String> headers() {
    return headers;
  }
}
