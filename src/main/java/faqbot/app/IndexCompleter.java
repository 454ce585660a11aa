package faqbot.app;

import faqbot.index.BuildReport;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a first index in the background ({@code Staging.EARLY}): embeds the passages it left
 * out, then swaps in the whole index while the first one answers.
 *
 * <p>The embedding, which takes most of the time, holds no lock and writes nothing, so reloads and
 * phrasings added meanwhile are not held up, and stopping may interrupt it. The swap that follows
 * mostly writes; it is never interrupted, since an interrupted write fails the build. A reload that
 * replaces the first index with another first index (an edit while it is served) only means going
 * round again; a failure is retried after {@link #RETRY}.
 */
final class IndexCompleter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexCompleter.class);
  static final Duration RETRY = Duration.ofSeconds(30);

  private final Bot bot;
  private final Consumer<BuildReport> onBuild;
  private final Thread thread;

  /** Guards {@link #stopping} and {@link #swapping}, so an interrupt never lands in a swap. */
  private final Object phase = new Object();

  private boolean stopping;
  private boolean swapping;

  private IndexCompleter(Bot bot, Consumer<BuildReport> onBuild) {
    this.bot = bot;
    this.onBuild = onBuild;
    thread = new Thread(this::run, "faqbot-index-completer");
    thread.setDaemon(true);
  }

  /** Starts completing the bot's index. */
  static IndexCompleter start(Bot bot, Consumer<BuildReport> onBuild) {
    IndexCompleter completer = new IndexCompleter(bot, onBuild);
    completer.thread.start();
    return completer;
  }

  private void run() {
    while (!stopped() && !bot.indexComplete()) {
      try {
        long start = System.nanoTime();
        int embedded = bot.prepareWholeIndex();
        synchronized (phase) {
          if (stopping) {
            return;
          }
          swapping = true;
        }
        BuildReport report;
        try {
          report = bot.completeIndex();
        } finally {
          synchronized (phase) {
            swapping = false;
          }
        }
        if (report != null) {
          long millis = (System.nanoTime() - start) / 1_000_000;
          LOG.info("the index is complete: {} passages added", embedded + report.embedded());
          onBuild.accept(
              new BuildReport(
                  report.entries(),
                  report.vectors(),
                  embedded + report.embedded(),
                  report.deferred(),
                  report.problems(),
                  millis));
        }
      } catch (RuntimeException e) {
        if (stopped()) {
          LOG.info("stopped before the index was complete; the next start completes it");
          return;
        }
        LOG.error(
            "could not complete the index ({}); the first index keeps answering, trying again in {}"
                + " s",
            e.getMessage(),
            RETRY.toSeconds());
        try {
          Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException interrupted) {
          return;
        }
      }
    }
  }

  private boolean stopped() {
    synchronized (phase) {
      return stopping;
    }
  }

  /**
   * Stops completing and waits for the thread to end: embedding is interrupted (the models finish
   * the text in hand, a second at most), a swap under way is let finish. Either way the folder
   * holds a usable index: the first one, which the next start completes, or the whole one.
   */
  @Override
  public void close() {
    synchronized (phase) {
      stopping = true;
      if (!swapping) {
        thread.interrupt();
      }
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CorpusWatcher.STOP_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn(
          "completing the index did not stop within {} s; closing the index under it",
          CorpusWatcher.STOP_WAIT_SECONDS);
    }
  }
}
