package faqbot.slack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for Slack on the loopback interface: its Web API ({@code /api/chat.postMessage}) and
 * its response URLs ({@code /hooks/...}). Records every call, and can rate-limit them.
 */
final class FakeSlack implements AutoCloseable {
  /** One call the bot made, and when it arrived ({@link System#nanoTime}). */
  record Call(String method, String path, Map<String, String> headers, String body, long nanos) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** How long after {@code earlier} this call arrived. */
    Duration after(Call earlier) {
      return Duration.ofNanos(nanos - earlier.nanos);
    }
  }

  /** How Slack says a call was rate-limited. */
  enum Limit {
    /** HTTP 429 Too Many Requests. */
    STATUS,
    /** HTTP 200 with {@code {"ok": false, "error": "ratelimited"}}. */
    BODY
  }

  /** Rate limiting in force: how, with which Retry-After, and for how many more calls. */
  private record RateLimit(Limit how, String retryAfter, AtomicInteger left) {}

  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fake-slack");
            t.setDaemon(true);
            return t;
          });
  private final LinkedBlockingQueue<Call> calls = new LinkedBlockingQueue<>();
  private final List<Call> all = new ArrayList<>();

  /** When set, response URL calls wait for it before answering. */
  private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();

  private final AtomicReference<RateLimit> limit = new AtomicReference<>();

  FakeSlack() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext(
        "/api/",
        exchange -> {
          Call call = record(exchange);
          if (rateLimited(exchange)) {
            return;
          }
          String channel = call.body().replaceAll("(?s).*\"channel\":\"([^\"]*)\".*", "$1");
          respond(
              exchange,
              200,
              "application/json",
              "{\"ok\":true,\"channel\":\"" + channel + "\",\"ts\":\"1700000000.000200\"}");
        });
    server.createContext(
        "/hooks/",
        exchange -> {
          record(exchange);
          if (rateLimited(exchange)) {
            return;
          }
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

  /**
   * Rate-limits the next {@code calls} calls, to the Web API and to response URLs alike, answering
   * them with {@code Retry-After: retryAfter} (null for none); {@link Integer#MAX_VALUE} for every
   * call from now on.
   */
  void rateLimit(Limit how, String retryAfter, int calls) {
    limit.set(new RateLimit(how, retryAfter, new AtomicInteger(calls)));
  }

  /** Stops rate-limiting calls. */
  void stopRateLimiting() {
    limit.set(null);
  }

  /** Makes response URL calls wait until the returned latch is counted down. */
  CountDownLatch holdResponses() {
    CountDownLatch latch = new CountDownLatch(1);
    hold.set(latch);
    return latch;
  }

  /** Answers {@code exchange} as rate-limited, when that is in force, and says whether it did. */
  private boolean rateLimited(HttpExchange exchange) throws IOException {
    RateLimit now = limit.get();
    if (now == null || now.left().getAndDecrement() <= 0) {
      return false;
    }
    if (now.retryAfter() != null) {
      exchange.getResponseHeaders().set("Retry-After", now.retryAfter());
    }
    if (now.how() == Limit.STATUS) {
      respond(exchange, 429, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
    } else {
      respond(exchange, 200, "application/json", "{\"ok\":false,\"error\":\"ratelimited\"}");
    }
    return true;
  }

  private Call record(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new TreeMap<>();
    exchange
        .getRequestHeaders()
        .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Call call =
        new Call(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            headers,
            body,
            System.nanoTime());
    synchronized (this) {
      all.add(call);
    }
    calls.add(call);
    return call;
  }

  private static void respond(HttpExchange exchange, int status, String type, String body)
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
