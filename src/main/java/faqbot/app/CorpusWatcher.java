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
 * Watches a corpus folder and reloads the bot when its files change, after the edits settle, so editors see their
 * changes served without a restart. A reload that fails leaves the previous index serving.
 */
public final class CorpusWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
  /** Editors save several files in a burst; wait this long after the last change before rebuilding. */
  static final long SETTLE_MILLIS = 500;

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
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
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
            LOG.info("corpus changed: now serving {} entries ({} files with errors{})", status.entries(),
                status.errors(), status.staleFiles().isEmpty() ? "" : ", last good version kept for "
                    + status.staleFiles());
          }
        } catch (IOException | RuntimeException e) {
          LOG.error("reloading the corpus failed; the previous index keeps serving: {}", e.getMessage());
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

  @Override
  public void close() throws IOException {
    watcher.close();
    thread.interrupt();
  }
}
