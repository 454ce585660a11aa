package faqbot.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client token buckets: each client may make {@code perSecond} requests a second on average, in bursts of up
 * to {@code burst}. The table of clients is bounded (least recently seen forgotten first), so a flood of
 * addresses cannot exhaust memory.
 */
final class RateLimiter {
  static final int MAX_CLIENTS = 100_000;

  private final double perSecond;
  private final double burst;
  private final Map<String, double[]> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
      return size() > MAX_CLIENTS;
    }
  };

  RateLimiter(double perSecond, double burst) {
    if (perSecond <= 0 || burst < 1) {
      throw new IllegalArgumentException("rate must be above 0 and burst at least 1, got " + perSecond + " and "
          + burst);
    }
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /**
   * Takes one token for a client.
   *
   * @return 0 when the request may go ahead, else how many whole seconds until it may (at least 1)
   */
  synchronized long acquire(String client, long nowNanos) {
    double[] bucket = buckets.computeIfAbsent(client, c -> new double[] {burst, nowNanos});
    double elapsed = (nowNanos - bucket[1]) / 1e9;
    bucket[0] = Math.min(burst, bucket[0] + elapsed * perSecond);
    bucket[1] = nowNanos;
    if (bucket[0] >= 1) {
      bucket[0] -= 1;
      return 0;
    }
    return Math.max(1, (long) Math.ceil((1 - bucket[0]) / perSecond));
  }
}
