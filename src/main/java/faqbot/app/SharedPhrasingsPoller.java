package faqbot.app;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the shared store every {@link #EVERY} whether its phrasings changed (one replica added one),
 * and then reloads this replica's bot, with the same atomic swap as an edit of the corpus.
 */
final class SharedPhrasingsPoller implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SharedPhrasingsPoller.class);
  static final Duration EVERY = Duration.ofSeconds(2);

  private final ScheduledExecutorService timer;

  private SharedPhrasingsPoller(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static SharedPhrasingsPoller start(Bot bot) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "shared-phrasings");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        () -> {
          try {
            if (bot.reloadIfChanged()) {
              LOG.info("the shared phrasings changed; the index was rebuilt and swapped in");
            }
          } catch (RuntimeException e) {
            LOG.warn("could not take up the shared phrasings: {}", e.toString());
          }
        },
        EVERY.toMillis(),
        EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
    return new SharedPhrasingsPoller(timer);
  }

  @Override
  public void close() {
    // A reload in progress finishes: an index write must not be interrupted.
    timer.shutdown();
    try {
      timer.awaitTermination(CorpusWatcher.STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
