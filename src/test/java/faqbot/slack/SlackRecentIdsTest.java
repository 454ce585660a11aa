package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlackRecentIdsTest {
  private final AtomicLong millis = new AtomicLong(1_000_000);
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(millis.get());
        }
      };

  @Test
  void aRepeatIsNotFirst() {
    RecentIds ids = new RecentIds(10, Duration.ofMinutes(1), clock);
    assertThat(ids.firstTime("a")).isTrue();
    assertThat(ids.firstTime("a")).isFalse();
    assertThat(ids.firstTime("b")).isTrue();
  }

  @Test
  void idsExpire() {
    RecentIds ids = new RecentIds(10, Duration.ofMinutes(1), clock);
    ids.firstTime("a");
    millis.addAndGet(59_000);
    assertThat(ids.firstTime("a")).isFalse();
    millis.addAndGet(2_000);
    assertThat(ids.firstTime("a")).isTrue();
    assertThat(ids.firstTime("a")).isFalse(); // seen again just now
  }

  @Test
  void expiryCountsFromTheFirstSightingNotTheRepeats() {
    RecentIds ids = new RecentIds(10, Duration.ofMinutes(1), clock);
    ids.firstTime("a");
    millis.addAndGet(40_000);
    assertThat(ids.firstTime("a")).isFalse();
    millis.addAndGet(40_000);
    assertThat(ids.firstTime("a")).isTrue();
  }

  @Test
  void boundedInCount() {
    RecentIds ids = new RecentIds(3, Duration.ofHours(1), clock);
    for (int i = 0; i < 1000; i++) {
      ids.firstTime("id" + i);
    }
    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.firstTime("id999")).isFalse(); // the newest is kept
    assertThat(ids.firstTime("id0")).isTrue(); // long forgotten
  }

  @Test
  void ofManyDeliveriesAtOnceExactlyOneIsFirst() throws Exception {
    RecentIds ids = new RecentIds(1000, Duration.ofMinutes(30), clock);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        String id = "event:" + round;
        List<Callable<Boolean>> deliveries =
            IntStream.range(0, 8)
                .<Callable<Boolean>>mapToObj(i -> () -> ids.firstTime(id))
                .toList();
        long first = 0;
        for (Future<Boolean> f : pool.invokeAll(deliveries)) {
          first += f.get() ? 1 : 0;
        }
        assertThat(first).as(id).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
