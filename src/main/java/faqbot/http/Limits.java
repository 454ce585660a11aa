package faqbot.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;

/**
 * Protects the server from more than it can do: a per-client request rate on the API (429 with
 * Retry-After) and a bound on answering work in progress (503 with Retry-After), so overload gives
 * a fast, clear refusal instead of latency without bound.
 *
 * @param perClientPerSecond API requests a second each client may make on average; 0 turns the
 *     limit off
 * @param burst how many requests a client may make at once
 * @param concurrentAnswers answers computed at once (each keeps a core busy)
 * @param queuedAnswers the most answers that may wait for one of those, whatever the estimate of
 *     their work
 * @param queueWaitMillis how much work may wait: a request that would wait longer is refused at
 *     once
 * @param trustProxy whether to take the client's address from X-Forwarded-For (only behind a proxy
 *     that sets it)
 */
public record Limits(
    double perClientPerSecond,
    int burst,
    int concurrentAnswers,
    int queuedAnswers,
    long queueWaitMillis,
    boolean trustProxy) {

  /**
   * Limits for this machine: answers at once = its cores; waiting, at most 0.8 s of work (so that,
   * with the answer itself, an accepted question is answered within a second) and never more than
   * 512 requests; 10 req/s each.
   */
  public static Limits defaults() {
    int cores = Runtime.getRuntime().availableProcessors();
    return new Limits(10, 40, cores, 512, 800, false);
  }

  public Limits {
    if (perClientPerSecond < 0) {
      throw new IllegalArgumentException(
          "the rate limit must be 0 (off) or more, got " + perClientPerSecond);
    }
  }

  /** The same limits with another per-client rate (0 turns it off). */
  public Limits withRate(double perSecond) {
    return new Limits(
        perSecond,
        Math.max(1, (int) Math.ceil(perSecond * 4)),
        concurrentAnswers,
        queuedAnswers,
        queueWaitMillis,
        trustProxy);
  }

  public Limits withTrustProxy(boolean trust) {
    return new Limits(
        perClientPerSecond, burst, concurrentAnswers, queuedAnswers, queueWaitMillis, trust);
  }

  /** The running state of these limits for one server. */
  static final class Enforcer {
    private final RateLimiter rate;
    private final Admission admission;
    private final boolean trustProxy;
    private final HttpMetrics metrics;

    Enforcer(Limits limits, HttpMetrics metrics) {
      this.rate =
          limits.perClientPerSecond() > 0
              ? new RateLimiter(limits.perClientPerSecond(), limits.burst())
              : null;
      if (rate != null) {
        rate.monitor(metrics);
      }
      this.admission =
          new Admission(
              limits.concurrentAnswers(), limits.queuedAnswers(), limits.queueWaitMillis());
      this.trustProxy = limits.trustProxy();
      this.metrics = metrics;
    }

    /** A before-handler for the API: refuses a client over its rate. */
    void rateLimit(Context ctx) {
      if (rate == null || "OPTIONS".equals(ctx.method().name())) {
        return;
      }
      long wait = rate.acquire(client(ctx));
      if (wait > 0) {
        metrics.rejected("rate_limited");
        throw new ApiException(
            429,
            "too many requests from this client; try again in " + wait + " s",
            Map.of("Retry-After", Long.toString(wait)));
      }
    }

    /** Wraps a handler that computes answers so that only so many run at once. */
    Handler bounded(Handler handler) {
      return ctx -> {
        if (!admission.enter()) {
          metrics.rejected("overloaded");
          throw new ApiException(
              503, "the server is busy; try again in a moment", Map.of("Retry-After", "1"));
        }
        long start = System.nanoTime();
        try {
          handler.handle(ctx);
        } finally {
          admission.record(System.nanoTime() - start);
          admission.leave();
        }
      };
    }

    private String client(Context ctx) {
      return trustProxy ? clientBehindProxy(ctx.header("X-Forwarded-For"), ctx.ip()) : ctx.ip();
    }
  }

  /**
   * The longest client address kept (an IPv6 address with a zone fits); anything longer is not an
   * address.
   */
  static final int MAX_ADDRESS_CHARS = 64;

  /**
   * The client's address behind one trusted proxy: the last one in X-Forwarded-For, which that
   * proxy appended. Addresses before it are whatever the client chose to send, so taking the first
   * would let every request name a new client and escape the limit (and fill the table of clients
   * with made-up names).
   */
  static String clientBehindProxy(String forwardedFor, String peer) {
    if (forwardedFor == null) {
      return peer;
    }
    String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
    return last.isEmpty() || last.length() > MAX_ADDRESS_CHARS ? peer : last;
  }
}
