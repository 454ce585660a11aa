package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.Answerer;
import faqbot.testing.Fixtures;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * What an open keep-alive connection costs the heap. The server runs on a small heap (128 MB from
 * the launcher), and a busy page keeps many connections open between questions; Jetty's default
 * per-connection header cache alone held 96 KB each, so a thousand connections filled the heap and
 * the server did little but collect garbage.
 */
class ConnectionMemoryIT {
  private static final int CONNECTIONS = 300;

  /**
   * Well under the 96 KB a connection held with the header cache, well over what Jetty needs
   * without it.
   */
  private static final long MOST_BYTES_PER_CONNECTION = 24 * 1024;

  @Test
  void anIdleKeepAliveConnectionHoldsLittleHeap() {
    Answerer answerer = Fixtures.bundledBot().answerer();
    JavalinTest.test(
        HttpApp.create(answerer),
        (server, client) -> {
          int port = server.port();
          // One connection first, so that what is measured is what each further one adds.
          List<Socket> sockets = new ArrayList<>();
          try {
            sockets.add(askedTwice(port));
            long before = heapUsedAfterCollection();
            for (int i = 1; i < CONNECTIONS; i++) {
              sockets.add(askedTwice(port));
            }
            long after = heapUsedAfterCollection();
            long perConnection = (after - before) / (CONNECTIONS - 1);
            assertThat(perConnection)
                .as(
                    "heap held by each of %d open connections (%d -> %d bytes in all)",
                    CONNECTIONS, before, after)
                .isLessThan(MOST_BYTES_PER_CONNECTION);
          } finally {
            for (Socket socket : sockets) {
              socket.close();
            }
          }
        });
  }

  /**
   * A connection that has made two requests with a browser's usual headers and is kept open (Jetty
   * made its header cache for a connection once it was used again).
   */
  private static Socket askedTwice(int port) throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    for (int i = 0; i < 2; i++) {
      out.write(
          ("GET /health HTTP/1.1\r\nHost: localhost\r\nUser-Agent: ConnectionMemoryIT\r\n"
                  + "Accept: application/json\r\nAccept-Language: en\r\nConnection: keep-alive\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      readResponse(socket.getInputStream());
    }
    return socket;
  }

  /** Reads one response (headers, then Content-Length bytes of body) and checks it is a 200. */
  private static void readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed the connection after: " + head);
      }
      head.append((char) b);
    }
    assertThat(head.toString()).startsWith("HTTP/1.1 200");
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(line.indexOf(':') + 1).strip());
      }
    }
    if (in.readNBytes(length).length != length) {
      throw new IOException("the response ended before its " + length + " bytes of body");
    }
  }

  private static long heapUsedAfterCollection() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
