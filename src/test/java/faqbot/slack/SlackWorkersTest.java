package faqbot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SlackWorkersTest {
  private final List<String> done = Collections.synchronizedList(new ArrayList<>());

  @Test
  void refusesWorkWhenEveryWorkerIsBusyAndTheQueueFull() throws Exception {
    Workers workers = new Workers(1, 1);
    CountDownLatch release = new CountDownLatch(1);
    assertThat(workers.submit(() -> await(release))).isTrue();
    assertThat(workers.submit(() -> done.add("queued"))).isTrue();
    assertThat(workers.submit(() -> done.add("refused"))).isFalse();
    release.countDown();
    assertThat(workers.awaitIdle(Duration.ofSeconds(10))).isTrue();
    assertThat(done).containsExactly("queued");
  }

  @Test
  void closeReturnsOnceTheRunningAndTheQueuedWorkHaveFinished() throws Exception {
    Workers workers = new Workers(1, 2);
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    workers.submit(
        () -> {
          running.countDown();
          await(release);
          done.add("running");
        });
    workers.submit(() -> done.add("queued 1"));
    workers.submit(() -> done.add("queued 2"));
    running.await();

    // The running task finishes only once close is waiting for it.
    Thread releaser = Threads.countDownOnceWaiting(Thread.currentThread(), release);
    boolean finished = workers.close(Duration.ofSeconds(10));
    List<String> doneWhenClosed = List.copyOf(done);
    releaser.join();

    assertThat(finished).isTrue();
    assertThat(doneWhenClosed).containsExactly("running", "queued 1", "queued 2");
    assertThat(workers.submit(() -> done.add("after close"))).isFalse();
  }

  @Test
  void closeGivesUpAfterItsTimeoutInterruptingWhatRunsAndDroppingWhatWaits() throws Exception {
    Workers workers = new Workers(1, 1);
    AtomicBoolean interrupted = new AtomicBoolean();
    CountDownLatch running = new CountDownLatch(1);
    workers.submit(
        () -> {
          running.countDown();
          try {
            new CountDownLatch(1).await(); // never counted down
          } catch (InterruptedException e) {
            interrupted.set(true);
          }
        });
    workers.submit(() -> done.add("queued"));
    await(running);

    long start = System.nanoTime();
    assertThat(workers.close(Duration.ofMillis(200))).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(workers.awaitIdle(Duration.ofSeconds(5))).isTrue();
    assertThat(interrupted).isTrue();
    assertThat(done).isEmpty();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
