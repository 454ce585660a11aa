package faqbot.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;

/**
 * Per-client token buckets: each client may make {@code perSecond} requests a second on average, in
 * bursts of up to {@code burst}. The table of clients is bounded, so a flood of addresses cannot
 * exhaust memory, and forgets a client once its bucket would be full again.
 */
final class RateLimiter {
  static final int MAX_CLIENTS = 100_000;

  /** The table's name in the metrics. */
  static final String CACHE_NAME = "rate_limit_clients";

  private final double perSecond;
  private final double burst;
  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  RateLimiter(double perSecond, double burst) {
    this(perSecond, burst, MAX_CLIENTS, Ticker.systemTicker());
  }

  /** A limiter on its own clock (a test's), keeping at most {@code maxClients}. */
  RateLimiter(double perSecond, double burst, int maxClients, Ticker ticker) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException(
          "rate must be above 0 and burst at least 1, got " + perSecond + " and " + burst);
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.ticker = ticker;
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(maxClients)
            // A client idle this long has refilled its whole burst: its bucket is then the same as
            // a new client's, so
            // forgetting it changes no decision, and the table holds only clients whose budget is
            // still spent.
            .expireAfterAccess(Duration.ofNanos((long) Math.ceil(burst / perSecond * 1e9)))
            .ticker(ticker)
            .recordStats()
            .build();
  }

  /**
   * Takes one token for a client.
   *
   * @return 0 when the request may go ahead, else how many whole seconds until it may (at least 1)
   */
  long acquire(String client) {
    return buckets.get(client, c -> new Bucket(burst, ticker.read())).take();
  }

  /**
   * Shows the table in the metrics: clients seen again (hits), new ones (misses) and the ones
   * forgotten.
   */
  void monitor(HttpMetrics metrics) {
    metrics.cache(CACHE_NAME, buckets);
  }

  /** How many clients the table holds now, after any pending expiry and eviction. */
  long clients() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  /**
   * One client's tokens; its lock makes a take atomic, and the clock is read under it so time never
   * runs back.
   */
  private final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long nowNanos) {
      this.tokens = tokens;
      this.updatedNanos = nowNanos;
    }

    synchronized long take() {
      long now = ticker.read();
      tokens = Math.min(burst, tokens + (now - updatedNanos) / 1e9 * perSecond);
      updatedNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }
}
