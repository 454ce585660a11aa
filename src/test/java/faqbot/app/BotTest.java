package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.corpus.Corpora;
import faqbot.corpus.CorpusFingerprint;
import faqbot.index.FaqIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keyword-only bot (no sentence model to load) and the index folder it shares with other
 * processes.
 */
class BotTest {
  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    write(
        corpus,
        "cats.txt",
        "Question: How do I feed a cat?\n\nCats eat meat, in small meals.\n\nSources\n\n- A\n");
    write(
        corpus,
        "bikes.txt",
        "Question: How do I fix a flat tyre?\n\nPatch the inner tube.\n\nSources\n\n- B\n");
    return corpus;
  }

  private static void write(Path folder, String name, String text) throws IOException {
    Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void reloadsWhenAnotherProcessHasRebuiltItsIndexFolder() throws IOException {
    Path corpus = corpus();
    Path folder = dir.resolve("index");
    try (Bot bot = Bot.open(corpus, folder, false, r -> {})) {
      write(
          corpus,
          "dogs.txt",
          "Question: How often should I walk a dog?\n\nTwice a day.\n\nSources\n\n- C\n");
      // What `faqbot index` run meanwhile from another process does to the same folder.
      FaqIndex.build(Corpora.load(corpus), CorpusFingerprint.of(corpus), folder, null);

      assertThat(bot.isCurrent()).isFalse();
      assertThat(bot.reloadIfChanged()).isTrue();
      assertThat(bot.answerer().entry("dogs")).isPresent();
      assertThat(bot.isCurrent()).isTrue();
      assertThat(bot.reloadIfChanged()).isFalse();
    }
  }
}
