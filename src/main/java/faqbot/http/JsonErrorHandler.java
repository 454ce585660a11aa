package faqbot.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.answer.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the errors Jetty sends by itself, before a request reaches Javalin (one it cannot parse,
 * headers or a request line over its limit, an ambiguous path, no Host), as the API's {@code
 * {"error": "…"}} JSON with the security headers, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);
  private static final ObjectMapper JSON = Json.mapper();

  /**
   * Jetty's reasons are short fixed phrases; this only keeps an unexpected one from growing the
   * response.
   */
  private static final int MAX_REASON_CHARS = 200;

  /**
   * Every method gets the JSON body, not only GET, POST and HEAD as Jetty's page does (HEAD sends
   * no body).
   */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /**
   * The JSON error, whatever the client's Accept header asks for: the API has no other kind of
   * error.
   */
  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int status,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    if (status >= 500) {
      LOG.error(
          "{} {} failed before reaching a handler",
          request.getMethod(),
          request.getHttpURI().getPath(),
          cause);
    }
    int headerLimit = request.getConnectionMetaData().getHttpConfiguration().getRequestHeaderSize();
    String reason = cause == null || cause instanceof HttpException ? message : null;
    byte[] body = JSON.writeValueAsBytes(new ApiError(describe(status, reason, headerLimit)));
    SecurityHeaders.HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /**
   * An error in the API's words.
   *
   * @param reason Jetty's reason for a 400 ("Ambiguous URI path parameter"), or null; never an
   *     exception's message, which could name the server's internals
   * @param headerLimit the most bytes Jetty reads of the request line and of the headers
   */
  static String describe(int status, String reason, int headerLimit) {
    return switch (status) {
      case 400 -> "the request is malformed" + detail(reason);
      case 413 ->
          "the request body is larger than the limit of " + HttpApp.MAX_BODY_BYTES + " bytes";
      case 414 -> "the request line is longer than the limit of " + headerLimit + " bytes";
      case 431 -> "the request headers are larger than the limit of " + headerLimit + " bytes";
      default ->
          status >= 500
              ? "internal error; the server log has the details"
              : HttpStatus.getMessage(status).toLowerCase(Locale.ROOT);
    };
  }

  private static String detail(String reason) {
    if (reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(400))) {
      return "";
    }
    return ": "
        + (reason.length() > MAX_REASON_CHARS
            ? reason.substring(0, MAX_REASON_CHARS) + "…"
            : reason);
  }
}
