package faqbot.app;

import faqbot.index.BuildReport;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a first index in the background ({@code Staging.EARLY}): embeds the passages it left
 * out, reusing every vector it holds, and swaps the whole index in while the first one answers.
 */
final class IndexCompleter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IndexCompleter.class);

  private final Thread thread;
  private volatile boolean stopping;

  private IndexCompleter(Bot bot, Consumer<BuildReport> onBuild) {
    thread = new Thread(() -> complete(bot, onBuild), "faqbot-index-completer");
    thread.setDaemon(true);
  }

  /** Starts completing the bot's index. */
  static IndexCompleter start(Bot bot, Consumer<BuildReport> onBuild) {
    IndexCompleter completer = new IndexCompleter(bot, onBuild);
    completer.thread.start();
    return completer;
  }

  private void complete(Bot bot, Consumer<BuildReport> onBuild) {
    try {
      BuildReport report = bot.completeIndex();
      if (report != null) {
        LOG.info("the index is complete: {} passages added", report.embedded());
        onBuild.accept(report);
      }
    } catch (RuntimeException e) {
      if (stopping) {
        LOG.info("stopped before the index was complete; the next start completes it");
      } else {
        LOG.error(
            "could not complete the index; the first index keeps answering: {}", e.toString());
      }
    }
  }

  /** Whether the index is still being completed. */
  boolean running() {
    return thread.isAlive();
  }

  /**
   * Stops completing and waits for the thread to end. The build is interrupted while it embeds (the
   * models finish the text in hand, a second at most), which leaves the first index's commit in
   * place for the next start to complete.
   */
  @Override
  public void close() {
    stopping = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(CorpusWatcher.STOP_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
