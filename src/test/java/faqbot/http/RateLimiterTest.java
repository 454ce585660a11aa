package faqbot.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  /** The limiter's clock, moved by hand. */
  private final AtomicLong now = new AtomicLong();

  @Test
  void allowsABurstThenTheRateAndTellsWhenToComeBack() {
    RateLimiter limiter = new RateLimiter(2, 3, RateLimiter.MAX_CLIENTS, now::get);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    assertThat(limiter.acquire("b")).as("clients have their own buckets").isZero();
    now.set(SECOND / 2);
    assertThat(limiter.acquire("a")).isZero();
    assertThat(limiter.acquire("a")).isEqualTo(1);
    now.set(10 * SECOND);
    assertThat(limiter.acquire("a")).isZero();
  }

  @Test
  void forgetsAClientOnlyOnceItsBucketIsFullAgain() {
    // 2 a second in bursts of 3: an empty bucket is full again after 1.5 s.
    RateLimiter limiter = new RateLimiter(2, 3, RateLimiter.MAX_CLIENTS, now::get);
    for (int i = 0; i < 3; i++) {
      limiter.acquire("a");
    }
    limiter.acquire("b");
    now.set(3 * SECOND / 2 - 1);
    assertThat(limiter.clients()).as("both buckets are still short of full").isEqualTo(2);
    assertThat(limiter.acquire("a")).as("a has refilled almost three tokens").isZero();
    now.set(3 * SECOND / 2);
    assertThat(limiter.clients()).as("b has been idle long enough to be full").isEqualTo(1);
    now.set(3 * SECOND);
    assertThat(limiter.clients()).isZero();
    // A forgotten client starts again with a full burst, exactly what it had refilled.
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.acquire("a")).isZero();
    }
    assertThat(limiter.acquire("a")).isEqualTo(1);
  }

  @Test
  void keepsAtMostSoManyClients() {
    RateLimiter limiter = new RateLimiter(1, 1, 100, now::get);
    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.acquire("client " + i)).isZero();
    }
    assertThat(limiter.clients()).isLessThanOrEqualTo(100);
  }

  @Test
  void admissionQueuesThenRefuses() throws Exception {
    Admission admission = new Admission(1, 1, 5_000);
    assertThat(admission.enter()).isTrue();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean second = new AtomicBoolean();
    Thread waiter =
        new Thread(
            () -> {
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
