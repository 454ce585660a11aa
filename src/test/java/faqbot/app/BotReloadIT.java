package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.Answer;
import faqbot.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live corpus updates: edits are picked up without a restart, atomically, and a broken edit loses
 * nothing.
 */
class BotReloadIT {
  @TempDir Path dir;

  private Path corpus() throws Exception {
    Path corpus = Fixtures.innerAlignmentCorpus(dir.resolve("corpus"));
    return corpus;
  }

  private static void write(Path file, String text) throws Exception {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void reloadsUnderLoadWithoutAFailedRequest() throws Exception {
    Path corpus = corpus();
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), true, r -> {})) {
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong answered = new AtomicLong();
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread client =
            new Thread(
                () -> {
                  String[] questions = {
                    "What is inner alignment?", "mesa optimizer", "reward hacking", "What is a cat?"
                  };
                  for (int i = 0; running.get(); i++) {
                    try {
                      Answer a = bot.answerer().answer(questions[i % questions.length]);
                      assertThat(a.reply()).isNotBlank();
                      answered.incrementAndGet();
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }
                });
        client.start();
        clients.add(client);
      }
      for (int reload = 0; reload < 10; reload++) {
        write(
            corpus.resolve("extra.txt"),
            "Question: What is reload number "
                + reload
                + "?\n\n"
                + "This entry changes on every reload, number "
                + reload
                + ".\n\nSources\n\n- A\n");
        bot.reindex();
        String expected = "What is reload number " + reload + "?";
        assertThat(bot.answerer().entry("extra"))
            .hasValueSatisfying(e -> assertThat(e.question()).isEqualTo(expected));
      }
      running.set(false);
      for (Thread c : clients) {
        c.join();
      }
      assertThat(failures).isEmpty();
      assertThat(answered.get()).isGreaterThan(20);
      assertThat(bot.reloads()).isEqualTo(10);
      assertThat(bot.answerer().entry("extra").orElseThrow().question())
          .isEqualTo("What is reload number 9?");
    }
  }

  @Test
  void watchesTheFolderAndKeepsTheLastGoodVersionOfABrokenFile() throws Exception {
    Path corpus = corpus();
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), true, r -> {});
        CorpusWatcher watcher = CorpusWatcher.start(bot)) {
      write(
          corpus.resolve("new-entry.txt"),
          "Question: What is a brand new entry?\n\nIt is new.\n\nSources\n\n- A\n");
      awaitTrue(() -> bot.answerer().entry("new-entry").isPresent());

      Path outer = corpus.resolve("what-is-outer-alignment.txt");
      String good = Files.readString(outer);
      write(outer, good.replaceFirst("\n\n", "\n\nA <u>broken mark\n\n"));
      awaitTrue(() -> bot.lastReload() != null && !bot.lastReload().staleFiles().isEmpty());
      assertThat(bot.lastReload().staleFiles())
          .singleElement()
          .asString()
          .endsWith("what-is-outer-alignment.txt");
      assertThat(bot.answerer().entry("what-is-outer-alignment")).isPresent();
      assertThat(bot.answerer().answer("What is outer alignment?").answer().id())
          .isEqualTo("what-is-outer-alignment");

      write(outer, good);
      awaitTrue(() -> bot.lastReload().staleFiles().isEmpty());
      assertThat(bot.answerer().size()).isEqualTo(5);
    }
  }

  private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("timed out waiting for the reload");
      }
      Thread.sleep(100);
    }
  }
}
