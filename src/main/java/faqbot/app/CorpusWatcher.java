package faqbot.app;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a corpus folder and reloads the bot when its files change, after the edits settle, so
 * editors see their changes served without a restart. A reload that fails leaves the previous index
 * serving.
 */
public final class CorpusWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);

  /**
   * Editors save several files in a burst; wait this long after the last change before rebuilding.
   */
  static final long SETTLE_MILLIS = 500;

  /**
   * How long stopping waits for a reload in progress: embedding a few changed entries takes
   * seconds.
   */
  static final long STOP_WAIT_SECONDS = 60;

  private final Bot bot;
  private final WatchService watcher;
  private final Thread thread;

  private CorpusWatcher(Bot bot, WatchService watcher) {
    this.bot = bot;
    this.watcher = watcher;
    this.thread = new Thread(this::run, "faqbot-corpus-watcher");
    thread.setDaemon(true);
  }

  /** Starts watching the bot's corpus folder (and its subfolders). */
  public static CorpusWatcher start(Bot bot) throws IOException {
    Path folder = bot.corpus();
    if (!Files.isDirectory(folder)) {
      throw new IOException("can only watch a corpus folder; " + folder + " is not one");
    }
    WatchService service = FileSystems.getDefault().newWatchService();
    CorpusWatcher watcher = new CorpusWatcher(bot, service);
    watcher.register(folder);
    watcher.thread.start();
    return watcher;
  }

  private void register(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path dir : walk.filter(Files::isDirectory).toList()) {
        dir.register(
            watcher,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_DELETE,
            StandardWatchEventKinds.ENTRY_MODIFY);
      }
    }
  }

  private void run() {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Let the burst of saves settle before rebuilding.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        try {
          register(bot.corpus());
          if (bot.reloadIfChanged()) {
            Bot.ReloadStatus status = bot.lastReload();
            LOG.info(
                "corpus changed: now serving {} entries ({} files with errors{})",
                status.entries(),
                status.errors(),
                status.staleFiles().isEmpty()
                    ? ""
                    : ", last good version kept for " + status.staleFiles());
          }
        } catch (ClosedWatchServiceException e) {
          throw e;
        } catch (IOException | RuntimeException e) {
          LOG.error(
              "reloading the corpus failed; the previous index keeps serving: {}", e.getMessage());
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  /**
   * Stops watching and waits for the watching thread to end. A reload in progress is let finish (it
   * may be inside the sentence model, which must not be closed under it); the thread then finds the
   * watch service closed.
   */
  @Override
  public void close() throws IOException {
    watcher.close();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.warn("the corpus watcher is still reloading after {} s", STOP_WAIT_SECONDS);
    }
  }

  /** Whether the watching thread has ended. */
  boolean stopped() {
    return !thread.isAlive();
  }
}
