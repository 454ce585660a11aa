package faqbot.slack;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A fixed pool of worker threads with a bounded queue, which refuses work when both are full. */
final class Workers {
  private static final Logger LOG = LoggerFactory.getLogger(Workers.class);

  private final ThreadPoolExecutor pool;

  /** {@code threads} workers, and room for {@code queue} more tasks to wait (none when 0). */
  Workers(int threads, int queue) {
    BlockingQueue<Runnable> waiting =
        queue == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queue);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            waiting,
            r -> {
              Thread t = new Thread(r, "faqbot-slack-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
  }

  /**
   * Runs {@code task} on a worker (logging what it throws); false when all are busy and the queue
   * is full.
   */
  boolean submit(Runnable task) {
    try {
      pool.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              LOG.error("a Slack task failed", e);
            }
          });
      return true;
    } catch (RejectedExecutionException e) {
      if (pool.isShutdown()) {
        LOG.warn("the Slack workers are stopping: refusing a request");
      } else {
        LOG.warn(
            "all {} Slack workers are busy and {} requests wait: refusing one",
            pool.getMaximumPoolSize(),
            pool.getQueue().size());
      }
      return false;
    }
  }

  /** Stops taking work; what runs and what waits still runs, without being waited for. */
  void shutdown() {
    pool.shutdown();
  }

  /**
   * Stops taking work and waits at most {@code timeout} for the tasks running and waiting to
   * finish. Past that, drops those still waiting, interrupts those running (an answer waiting out a
   * rate limit then gives up), and returns false.
   */
  boolean close(Duration timeout) {
    pool.shutdown();
    try {
      if (pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
        return true;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int dropped = pool.shutdownNow().size();
    LOG.warn(
        "the Slack workers did not finish within {} ms: {} waiting requests dropped, the running ones"
            + " interrupted",
        timeout.toMillis(),
        dropped);
    return false;
  }

  /** Whether every task has finished, waiting at most {@code timeout}; for tests. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (pool.getActiveCount() == 0 && pool.getQueue().isEmpty()) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }
}
