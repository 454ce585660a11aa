package faqbot.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Remembers ids seen recently, so an event Slack delivers twice (its retries, or a mention that
 * also arrives as a direct message) is answered once. Bounded both in time and in count; kept in
 * this process's memory only, so several replicas behind a load balancer each keep their own and
 * may each answer a retry that reaches them.
 */
final class RecentIds {
  private final Cache<String, Boolean> seen;

  RecentIds(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    // The clock drives expiry, so a test can move time; upkeep runs on the calling thread, not the
    // common pool.
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.seen =
        Caffeine.newBuilder()
            .maximumSize(capacity)
            .expireAfterWrite(ttl)
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  /**
   * Records {@code id} and returns true when it was not seen within the time to live; false for a
   * repeat.
   */
  boolean firstTime(String id) {
    // One atomic step: of two deliveries of the same id at once, exactly one is first.
    return seen.asMap().putIfAbsent(id, Boolean.TRUE) == null;
  }

  /** How many ids are remembered, once expired and evicted ones are gone. */
  long size() {
    seen.cleanUp();
    return seen.estimatedSize();
  }
}
