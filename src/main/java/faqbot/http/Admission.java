package faqbot.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the answering work in progress: at most {@code concurrent} answers are computed at once (each one keeps
 * a core busy with the sentence model), at most {@code queued} more wait, each for at most {@code waitMillis}.
 * Beyond that a request is refused at once (503 with Retry-After) rather than left to wait without bound.
 */
final class Admission {
  private final Semaphore running;
  private final int queued;
  private final long waitMillis;
  private final AtomicInteger waiting = new AtomicInteger();

  Admission(int concurrent, int queued, long waitMillis) {
    if (concurrent < 1 || queued < 0 || waitMillis < 0) {
      throw new IllegalArgumentException("concurrent must be at least 1, queued and wait at least 0; got "
          + concurrent + ", " + queued + ", " + waitMillis);
    }
    this.running = new Semaphore(concurrent, true);
    this.queued = queued;
    this.waitMillis = waitMillis;
  }

  /** Admits a request, or returns false when the queue is full or the wait ran out. */
  boolean enter() throws InterruptedException {
    if (running.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > queued) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return running.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
    } finally {
      waiting.decrementAndGet();
    }
  }

  void leave() {
    running.release();
  }

  int waiting() {
    return waiting.get();
  }
}
