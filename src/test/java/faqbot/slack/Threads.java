package faqbot.slack;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Thread helpers for tests of what waits for what. */
final class Threads {
  private Threads() {}

  /**
   * Starts a thread that counts {@code latch} down once {@code waiter} is parked with a timeout (as
   * in {@code awaitTermination}), or after ten seconds if it never is: work held on the latch then
   * ends only while {@code waiter} waits for it.
   */
  static Thread countDownOnceWaiting(Thread waiter, CountDownLatch latch) {
    Thread releaser =
        new Thread(
            () -> {
              long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
              while (waiter.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < end) {
                Thread.onSpinWait();
              }
              latch.countDown();
            },
            "releaser");
    releaser.setDaemon(true);
    releaser.start();
    return releaser;
  }
}
