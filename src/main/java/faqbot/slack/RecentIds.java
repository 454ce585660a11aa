package faqbot.slack;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers ids seen recently, so an event Slack delivers twice (its retries, or a mention that also arrives as a
 * direct message) is answered once. Bounded both in time and in count; kept in this process's memory only, so
 * several replicas behind a load balancer each keep their own and may each answer a retry that reaches them.
 */
final class RecentIds {
  private final int capacity;
  private final long ttlMillis;
  private final Clock clock;
  /** Id to when it was first seen, oldest first. */
  private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();

  RecentIds(int capacity, Duration ttl, Clock clock) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.capacity = capacity;
    this.ttlMillis = ttl.toMillis();
    this.clock = clock;
  }

  /** Records {@code id} and returns true when it was not seen within the time to live; false for a repeat. */
  synchronized boolean firstTime(String id) {
    long now = clock.millis();
    expire(now);
    if (seen.containsKey(id)) {
      return false;
    }
    seen.put(id, now);
    if (seen.size() > capacity) {
      Iterator<String> oldest = seen.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    return true;
  }

  synchronized int size() {
    return seen.size();
  }

  private void expire(long now) {
    Iterator<Map.Entry<String, Long>> it = seen.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (now - e.getValue() < ttlMillis) {
        break; // insertion order is time order, so the rest are younger
      }
      it.remove();
    }
  }
}
