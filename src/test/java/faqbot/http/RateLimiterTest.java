package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void allowsABurstThenTheRateAndTellsWhenToComeBack() {
    RateLimiter limiter = new RateLimiter(2, 3);
    long t = 0;
    assertThat(limiter.acquire("a", t)).isZero();
    assertThat(limiter.acquire("a", t)).isZero();
    assertThat(limiter.acquire("a", t)).isZero();
    assertThat(limiter.acquire("a", t)).isEqualTo(1);
    assertThat(limiter.acquire("b", t)).as("clients have their own buckets").isZero();
    assertThat(limiter.acquire("a", t + SECOND / 2)).isZero();
    assertThat(limiter.acquire("a", t + SECOND / 2)).isEqualTo(1);
    assertThat(limiter.acquire("a", t + 10 * SECOND)).isZero();
  }

  @Test
  void admissionQueuesThenRefuses() throws Exception {
    Admission admission = new Admission(1, 1, 5_000);
    assertThat(admission.enter()).isTrue();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean second = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      started.countDown();
      try {
        second.set(admission.enter());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    started.await();
    while (admission.waiting() == 0) {
      Thread.sleep(1);
    }
    assertThat(admission.enter()).as("the queue of one is full").isFalse();
    admission.leave();
    waiter.join();
    assertThat(second.get()).isTrue();
    assertThat(new Admission(1, 0, 0).enter()).isTrue();
  }
}
