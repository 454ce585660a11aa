package faqbot.http;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the answering work in progress, and sheds what it could not do in time: at most {@code
 * concurrent} answers are computed at once (each keeps a core busy with the sentence models), and a
 * request waits for one of those only when the work already waiting would take less than {@code
 * budgetMillis} (about a second) to clear; otherwise it is refused at once (503 with Retry-After).
 * Past capacity, a queue of requests nobody would wait for then never builds up, and the requests
 * accepted stay fast.
 *
 * <p>How much work the waiting requests are is estimated from how long recent answers took (a
 * moving average), so the bound follows the machine and the load instead of a fixed count; {@code
 * maxQueued} caps it whatever the estimate.
 */
final class Admission {
  /**
   * The time one answer is assumed to take until some have been measured: about that of two small
   * models.
   */
  static final long INITIAL_SERVICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  /** How much a new measurement moves the average: about the last twenty answers count. */
  static final double SMOOTHING = 0.05;

  private final Semaphore running;
  private final int concurrent;
  private final int maxQueued;
  private final long budgetNanos;
  private final AtomicInteger waiting = new AtomicInteger();
  private volatile double serviceNanos = INITIAL_SERVICE_NANOS;

  Admission(int concurrent, int maxQueued, long budgetMillis) {
    if (concurrent < 1 || maxQueued < 0 || budgetMillis < 0) {
      throw new IllegalArgumentException(
          "concurrent must be at least 1, queued and budget at least 0; got "
              + concurrent
              + ", "
              + maxQueued
              + ", "
              + budgetMillis);
    }
    this.running = new Semaphore(concurrent, true);
    this.concurrent = concurrent;
    this.maxQueued = maxQueued;
    this.budgetNanos = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
  }

  /**
   * Admits a request, or returns false when the work already waiting would take longer than the
   * budget, or when a request that did wait was not started within it.
   */
  boolean enter() throws InterruptedException {
    if (waiting.get() == 0 && running.tryAcquire()) {
      return true;
    }
    if (waiting.incrementAndGet() > queueBound()) {
      waiting.decrementAndGet();
      return false;
    }
    try {
      return running.tryAcquire(budgetNanos, TimeUnit.NANOSECONDS);
    } finally {
      waiting.decrementAndGet();
    }
  }

  void leave() {
    running.release();
  }

  /**
   * Notes how long an admitted request's work took, for the estimate of how long the waiting ones
   * will take.
   */
  void record(long nanos) {
    serviceNanos += SMOOTHING * (nanos - serviceNanos);
  }

  /**
   * How many requests may wait now: as many as {@code concurrent} workers clear within the budget.
   */
  int queueBound() {
    double clearable = budgetNanos / Math.max(1.0, serviceNanos) * concurrent;
    return (int) Math.min(maxQueued, Math.max(Math.min(concurrent, maxQueued), clearable));
  }

  int waiting() {
    return waiting.get();
  }
}
