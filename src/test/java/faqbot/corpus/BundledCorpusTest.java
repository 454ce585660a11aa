package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The corpus that ships with faqbot: complete, consistent, and with the seed entry unchanged. */
class BundledCorpusTest {
  static final List<String> REQUIRED =
      List.of(
          "What is inner alignment?",
          "What is deceptive alignment?",
          "What is the difference between inner and outer alignment?",
          "What is goal misgeneralization?",
          "What are mesa-optimizers?",
          "What is the likelihood of inner misalignment?",
          "What is outer alignment?",
          "What is gradient hacking?",
          "What is distributional shift?",
          "What is AI alignment?",
          "What is reward hacking?",
          "What is instrumental convergence?",
          "What is the orthogonality thesis?",
          "What is corrigibility?",
          "What is interpretability?",
          "What is reinforcement learning from human feedback (RLHF)?");

  private final Corpus corpus = CorpusLoader.load(Fixtures.corpus());

  @Test
  void loadsWithoutAnyProblem() {
    assertThat(corpus.problems()).isEmpty();
    assertThat(corpus.size()).isGreaterThanOrEqualTo(41);
  }

  @Test
  void hasEveryRequiredQuestion() {
    assertThat(corpus.entries()).extracting(FaqEntry::question).containsAll(REQUIRED);
  }

  @Test
  void everyEntryHasAnAnswerSourcesAndRelatedQuestionsThatNameOtherEntries() {
    for (FaqEntry entry : corpus.entries()) {
      assertThat(entry.plainText().split("\\s+").length).as(entry.file()).isGreaterThan(120);
      assertThat(entry.sources()).as(entry.file()).isNotEmpty();
      assertThat(entry.related()).as(entry.file()).isNotEmpty();
      for (RelatedQuestion r : entry.related()) {
        assertThat(corpus.resolve(r.question()))
            .as(entry.file() + ": " + r.question())
            .isPresent()
            .get()
            .isNotEqualTo(entry.id());
      }
    }
  }

  @Test
  void keepsTheSeedByteForByte() throws IOException {
    Path seed = Fixtures.sharedSeed().resolve("inner-alignment.txt");
    assertThat(Files.readAllBytes(Fixtures.corpus().resolve("What is inner alignment?.txt")))
        .isEqualTo(Files.readAllBytes(seed));
  }
}
