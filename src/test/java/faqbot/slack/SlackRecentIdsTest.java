package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SlackRecentIdsTest {
  private final AtomicLong millis = new AtomicLong(1_000_000);
  private final Clock clock = new Clock() {
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
  }

  @Test
  void boundedInCount() {
    RecentIds ids = new RecentIds(3, Duration.ofHours(1), clock);
    for (int i = 0; i < 1000; i++) {
      ids.firstTime("id" + i);
    }
    assertThat(ids.size()).isEqualTo(3);
    assertThat(ids.firstTime("id999")).isFalse();
    assertThat(ids.firstTime("id0")).isTrue(); // forgotten, as the oldest
  }
}
