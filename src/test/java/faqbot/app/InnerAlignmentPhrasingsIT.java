package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.Answer;
import faqbot.answer.Answerer;
import faqbot.corpus.PhrasingsFile;
import faqbot.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What phrasings beside the docs are for: readers ask "What is inner alignment?" in words its doc
 * does not use, editors add a few such phrasings in a phrasings file before the bot starts, and
 * questions the editors never wrote down (held out: never added as phrasings) now find the entry.
 *
 * <p>The phrasings ({@code inner-phrasings.txt}) and the held-out questions ({@code
 * inner-heldout.txt}) are in src/test/resources/eval/phrasings/. The seed corpus is copied to a
 * temporary folder and the phrasings file written there; the checkout's corpus/ is never touched.
 */
class InnerAlignmentPhrasingsIT {
  static final Path SET = Path.of("src/test/resources/eval/phrasings");
  static final String ENTRY = "what-is-inner-alignment";
  static final String QUESTION = "What is inner alignment?";

  /** Held-out questions that answer the entry over the seed corpus as it is (10 asked). */
  static final int BEFORE = 4;

  /**
   * Held-out questions that answer the entry once the phrasings file is beside the corpus: "Define
   * inner alignment in one sentence please." is answered where it was a "Did you mean…?" before.
   */
  static final int AFTER = 5;

  /**
   * Held-out questions to which the entry is the answer or, when the bot asks which was meant, the
   * first choice offered: before, and after.
   */
  static final int FIRST_BEFORE = 7;

  static final int FIRST_AFTER = 9;

  @TempDir Path dir;

  static List<String> lines(String name) throws IOException {
    return Files.readAllLines(SET.resolve(name), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank())
        .toList();
  }

  /** How the answerer met the held-out questions. */
  record Outcomes(List<String> answered, List<String> first) {}

  /**
   * The held-out questions the answerer answers with the inner-alignment entry, and those to which
   * the entry is the answer or the first choice offered.
   */
  static Outcomes answeredWithTheEntry(Answerer answerer, List<String> questions) {
    List<String> answered = new ArrayList<>();
    List<String> first = new ArrayList<>();
    for (String question : questions) {
      Answer answer = answerer.answer(question);
      String best =
          answer.answer() != null
              ? answer.answer().id()
              : answer.alternatives().isEmpty()
                  ? "-"
                  : "(" + answer.alternatives().get(0).id() + ")";
      System.out.printf(
          "%-8s %.2f %-50s %s%n", answer.outcome(), answer.confidence(), best, question);
      if (answer.matched() && answer.answer().id().equals(ENTRY)) {
        answered.add(question);
      }
      if (best.equals(ENTRY) || best.equals("(" + ENTRY + ")")) {
        first.add(question);
      }
    }
    return new Outcomes(answered, first);
  }

  @Test
  void theSetKeepsItsPhrasingsAndItsHeldOutQuestionsApart() throws IOException {
    List<String> phrasings = lines("inner-phrasings.txt");
    List<String> heldOut = lines("inner-heldout.txt");
    assertThat(phrasings).hasSize(6);
    assertThat(heldOut).hasSize(10).doesNotContainAnyElementsOf(phrasings);
  }

  @Test
  void heldOutQuestionsFindTheEntryOnceItsPhrasingsAreBesideTheCorpus() throws IOException {
    List<String> phrasings = lines("inner-phrasings.txt");
    List<String> heldOut = lines("inner-heldout.txt");

    System.out.println("-- before: the seed corpus as it is");
    Outcomes before = answeredWithTheEntry(Fixtures.bundledBot().answerer(), heldOut);

    Path corpus = Fixtures.copyOfCorpus(dir.resolve("corpus"));
    StringBuilder file = new StringBuilder("# Phrasings readers use for the seed entry.\n");
    file.append("Entry: ").append(QUESTION).append('\n');
    phrasings.forEach(p -> file.append("Also asked as: ").append(p).append('\n'));
    Files.writeString(
        corpus.resolve("inner-alignment" + PhrasingsFile.EXTENSION),
        file.toString(),
        StandardCharsets.UTF_8);

    System.out.println("-- after: with " + phrasings.size() + " phrasings beside the corpus");
    try (Bot bot = Bot.open(corpus, dir.resolve("index"), true, r -> {})) {
      assertThat(bot.answerer().entry(ENTRY).orElseThrow().alternates()).containsAll(phrasings);
      Outcomes after = answeredWithTheEntry(bot.answerer(), heldOut);
      System.out.printf(
          "held-out questions answered with \"%s\": %d of %d before, %d of %d after;"
              + " answered or first choice: %d before, %d after%n",
          QUESTION,
          before.answered().size(),
          heldOut.size(),
          after.answered().size(),
          heldOut.size(),
          before.first().size(),
          after.first().size());

      assertThat(before.answered()).as("answered before").hasSize(BEFORE);
      assertThat(before.first()).as("first before").hasSize(FIRST_BEFORE);
      assertThat(after.answered())
          .as("answered after")
          .hasSize(AFTER)
          .containsAll(before.answered());
      assertThat(after.first()).as("first after").hasSize(FIRST_AFTER);
    }
    try (Stream<Path> seed = Files.list(Fixtures.corpus())) {
      assertThat(seed.map(p -> p.getFileName().toString()))
          .as("the checkout's corpus is untouched")
          .noneMatch(name -> name.endsWith(PhrasingsFile.EXTENSION));
    }
  }
}
