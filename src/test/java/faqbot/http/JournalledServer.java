package faqbot.http;

import faqbot.app.Bot;
import faqbot.feedback.FileJournal;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

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
    Backend backend = Backend.starting();
    backend.ready(bot);
    Javalin server =
        HttpApp.create(
                backend,
                new HttpOptions(
                    List.of(), List.of(), journal, Limits.defaults().withRate(0), token))
            .start(0);
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
