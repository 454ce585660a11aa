package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import faqbot.corpus.PhrasingsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Phrasings added to a served bot, through {@link Bot#addPhrasing} and by editing the phrasings
 * file under the corpus watcher; keyword-only bots, so no sentence model is loaded.
 */
class BotPhrasingsTest {
  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    write(
        corpus.resolve("cats.txt"),
        "Question: How do I feed a cat?\n\nCats eat meat, in small meals.\n\nSources\n\n- A\n");
    write(
        corpus.resolve("bikes.txt"),
        "Question: How do I fix a flat tyre?\n\nPatch the inner tube.\n\nSources\n\n- B\n");
    return corpus;
  }

  private static void write(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static String answerId(Bot bot, String question) {
    var answer = bot.answerer().answer(question);
    return answer.matched() ? answer.answer().id() : null;
  }

  @Test
  void anAddedPhrasingIsOnDiskAndServedWhenTheCallReturns() throws IOException {
    Path corpus = corpus();
    byte[] cats = Files.readAllBytes(corpus.resolve("cats.txt"));
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), false, r -> {})) {
      assertThat(answerId(bot, "Whiskers is hungry, what now?")).isNotEqualTo("cats");
      long reloads = bot.reloads();

      Bot.PhrasingAdded added = bot.addPhrasing("cats", "Whiskers is hungry, what now?");

      assertThat(added)
          .isEqualTo(
              new Bot.PhrasingAdded(
                  true, "cats", "Whiskers is hungry, what now?", "added.phrasings"));
      assertThat(Files.readString(corpus.resolve(PhrasingsFile.ADDED)))
          .isEqualTo("Entry: cats\nAlso asked as: Whiskers is hungry, what now?\n");
      assertThat(bot.reloads()).isEqualTo(reloads + 1);
      assertThat(bot.isCurrent()).isTrue();
      assertThat(answerId(bot, "Whiskers is hungry, what now?")).isEqualTo("cats");
      assertThat(bot.answerer().entry("cats").orElseThrow().alternates())
          .containsExactly("Whiskers is hungry, what now?");
      assertThat(Files.readAllBytes(corpus.resolve("cats.txt"))).isEqualTo(cats);

      assertThat(bot.addPhrasing("cats", "whiskers is hungry, what now").added())
          .as("asked so already: nothing written")
          .isFalse();
      assertThat(bot.addPhrasing("bikes", "Can I mend a puncture?").added()).isTrue();
      assertThat(Files.readString(corpus.resolve(PhrasingsFile.ADDED)))
          .isEqualTo(
              "Entry: cats\nAlso asked as: Whiskers is hungry, what now?\n\n"
                  + "Entry: bikes\nAlso asked as: Can I mend a puncture?\n");
    }
    try (Bot reopened = Bot.open(corpus, dir.resolve("index"), false, r -> {})) {
      assertThat(answerId(reopened, "Can I mend a puncture?")).isEqualTo("bikes");
    }
  }

  @Test
  void refusesWhatItCannotAddAndWritesNothing() throws IOException {
    Path corpus = corpus();
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), false, r -> {})) {
      assertThatThrownBy(() -> bot.addPhrasing("dogs", "How do I walk a dog?"))
          .isInstanceOfSatisfying(
              PhrasingRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(PhrasingRefusedException.Reason.UNKNOWN_ENTRY))
          .hasMessageContaining("dogs");
      assertThatThrownBy(() -> bot.addPhrasing("cats", "how do I fix a flat tyre"))
          .isInstanceOfSatisfying(
              PhrasingRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(PhrasingRefusedException.Reason.TAKEN))
          .hasMessageContaining("the question of another entry, 'bikes'");
      assertThatThrownBy(() -> bot.addPhrasing("cats", "  "))
          .isInstanceOfSatisfying(
              PhrasingRefusedException.class,
              e -> assertThat(e.reason()).isEqualTo(PhrasingRefusedException.Reason.INVALID));
      assertThatThrownBy(() -> bot.addPhrasing("cats", "x".repeat(301)))
          .isInstanceOf(PhrasingRefusedException.class)
          .hasMessageContaining("characters long");
      assertThatThrownBy(() -> bot.addPhrasing("cats", "line one\nEntry: bikes"))
          .isInstanceOf(PhrasingRefusedException.class)
          .hasMessageContaining("one line");

      bot.addPhrasing("bikes", "Can I mend a puncture?");
      assertThatThrownBy(() -> bot.addPhrasing("cats", "can I mend a puncture"))
          .isInstanceOf(PhrasingRefusedException.class)
          .hasMessageContaining("a phrasing of another entry, 'bikes'");
      assertThat(Files.readString(corpus.resolve(PhrasingsFile.ADDED)))
          .isEqualTo("Entry: bikes\nAlso asked as: Can I mend a puncture?\n");
    }
  }

  @Test
  void theWatcherReloadsWhenAPhrasingsFileIsEdited() throws Exception {
    Path corpus = corpus();
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), false, r -> {});
        CorpusWatcher watcher = CorpusWatcher.start(bot)) {
      assertThat(answerId(bot, "Whiskers is hungry, what now?")).isNotEqualTo("cats");

      write(
          corpus.resolve("editors.phrasings"),
          "Entry: How do I feed a cat?\nAlso asked as: Whiskers is hungry, what now?\n");
      waitFor(() -> "cats".equals(answerId(bot, "Whiskers is hungry, what now?")));

      assertThat(answerId(bot, "Is tuna fine for Felix?")).isNotEqualTo("cats");
      write(
          corpus.resolve("editors.phrasings"),
          "Entry: How do I feed a cat?\nAlso asked as: Is tuna fine for Felix?\n");
      waitFor(() -> "cats".equals(answerId(bot, "Is tuna fine for Felix?")));
      assertThat(bot.answerer().entry("cats").orElseThrow().alternates())
          .containsExactly("Is tuna fine for Felix?");

      Files.delete(corpus.resolve("editors.phrasings"));
      waitFor(() -> bot.answerer().entry("cats").orElseThrow().alternates().isEmpty());
      assertThat(bot.lastReload().ok()).isTrue();
    }
  }

  private static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reloaded within 20 s");
      }
      Thread.sleep(50);
    }
  }
}
