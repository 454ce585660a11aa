package faqbot.answer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small least-recently-used cache; the value is computed outside the lock, so a slow computation blocks no one. */
final class LruCache<K, V> {
  private final Map<K, V> map;
  private long hits;
  private long misses;

  LruCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be at least 1, got " + capacity);
    }
    this.map = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
      }
    };
  }

  V get(K key, Function<K, V> compute) {
    synchronized (this) {
      V value = map.get(key);
      if (value != null) {
        hits++;
        return value;
      }
      misses++;
    }
    V value = compute.apply(key);
    synchronized (this) {
      map.put(key, value);
    }
    return value;
  }

  /** The cached value, without computing one; counts as a hit when there is one. */
  synchronized java.util.Optional<V> peek(K key) {
    V value = map.get(key);
    if (value != null) {
      hits++;
    }
    return java.util.Optional.ofNullable(value);
  }

  synchronized long hits() {
    return hits;
  }

  synchronized long misses() {
    return misses;
  }
}
