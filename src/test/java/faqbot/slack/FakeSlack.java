package faqbot.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Slack on the loopback interface: its Web API ({@code /api/chat.postMessage}) and its response
 * URLs ({@code /hooks/...}). Records every call.
 */
final class FakeSlack implements AutoCloseable {
  /** One call the bot made. */
  record Call(String method, String path, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-slack");
    t.setDaemon(true);
    return t;
  });
  private final LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final List<Call> all = new ArrayList<>();
  /** When set, response URL calls wait for it before answering. */
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/api/", exchange -> {
      Call call = record(exchange);
      String channel = call.body().replaceAll("(?s).*\"channel\":\"([^\"]*)\".*", "$1");
      respond(exchange, 200, "application/json",
          "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000.000200\"}");
    });
    server.createContext("/hooks/", exchange -> {
      record(exchange);
      CountDownLatch latch = hold.get();
      if (latch != null) {
        try {
          latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      respond(exchange, 200, "text/plain", "ok");
    });
    server.start();
  }

  /** The base URL of the fake Web API, as {@code SLACK_API_URL}. */
  String apiUrl() {
    return base() + "/api";
  }

  /** A response URL on the fake. */
  String responseUrl(String name) {
    return base() + "/hooks/" + name;
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The next call, waiting at most {@code timeout}; fails when none came. */
  Call next(Duration timeout) throws InterruptedException {
    Call call = calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (call == null) {
      throw new AssertionError("Slack was not called within " + timeout);
    }
    return call;
  }

  /** The next call, or null when none comes within {@code timeout}. */
  Call poll(Duration timeout) throws InterruptedException {
    return calls.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  synchronized List<Call> all() {
    return List.copyOf(all);
  }

  /** Makes response URL calls wait until the returned latch is counted down. */
  CountDownLatch holdResponses() {
    CountDownLatch latch = new CountDownLatch(1);
    hold.set(latch);
    return latch;
  }

  private Call record(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body);
    synchronized (this) {
      all.add(call);
    }
    calls.add(call);
    return call;
  }

  private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    CountDownLatch latch = hold.getAndSet(null);
    if (latch != null) {
      latch.countDown();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
