package faqbot.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An HTTP/1.1 response to request bytes sent as they are over a socket: for requests that
 * java.net.http would refuse to send or would send differently (no Host, an ambiguous path,
 * oversized headers).
 */
record RawResponse(int status, Map<String, String> headers, String body) {
  private static final int TIMEOUT_MILLIS = 30_000;

  /**
   * Sends {@code request} (which should ask for {@code Connection: close}) and reads the response
   * to its end.
   */
  static RawResponse send(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // The server may answer and stop reading before an oversized request is all sent; its
        // answer still counts.
      }
      try (InputStream in = socket.getInputStream()) {
        return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A header's value (names are case-insensitive), or null. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  private static RawResponse parse(String raw) {
    int end = raw.indexOf("\r\n\r\n");
    if (!raw.startsWith("HTTP/1.1 ") || end < 0) {
      throw new AssertionError("not an HTTP/1.1 response: " + raw);
    }
    String[] lines = raw.substring(0, end).split("\r\n");
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    return new RawResponse(
        Integer.parseInt(lines[0].substring(9, 12)), headers, raw.substring(end + 4));
  }
}
