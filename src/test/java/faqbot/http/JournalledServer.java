package faqbot.http;

import faqbot.app.Bot;
import faqbot.feedback.FileJournal;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * A real server for page tests: a bot on a corpus with the sentence models, a journal in a folder,
 * the editors' token, and no rate limit.
 *
 * @param base the server's address, {@code http://127.0.0.1:port}
 */
record JournalledServer(String base, Javalin server, Bot bot, FileJournal journal)
    implements AutoCloseable {

  /** Starts one on a corpus, keeping its index and journal in {@code dir}. */
  static JournalledServer start(Path corpus, Path dir, String token) throws IOException {
    FileJournal journal = FileJournal.open(dir.resolve("journal.jsonl"));
    Bot bot = Bot.open(corpus, dir.resolve("index"), true, report -> {});
    Javalin server = ReadyApp.start(bot, journal, token);
    return new JournalledServer("http://127.0.0.1:" + server.port(), server, bot, journal);
  }

  /** Stops the server, then closes the bot and the journal. */
  @Override
  public void close() {
    server.stop();
    bot.close();
    try {
      journal.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
