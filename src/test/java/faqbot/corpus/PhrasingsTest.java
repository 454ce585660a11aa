package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Merging the phrasings files beside a corpus into its entries, and what the merge reports. */
class PhrasingsTest {
  @TempDir Path dir;

  private Path corpus() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    write(
        corpus.resolve("What is inner alignment?.txt"),
        "Also asked as: What is the inner alignment problem?\nTags: alignment\n\n"
            + "Making the learned goal the trained goal.\n\nSources\n\n- A\n");
    write(
        corpus.resolve("what-is-reward-hacking.txt"),
        "Question: What is reward hacking?\n\nGaming the reward.\n\nSources\n\n- B\n");
    write(
        corpus.resolve("what-is-outer-alignment.txt"),
        "Question: What is outer alignment?\n\nChoosing the right goal.\n\nSources\n\n- C\n");
    return corpus;
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static FaqEntry entry(Corpus corpus, String id) {
    return corpus.byId(id).orElseThrow();
  }

  @Test
  void addsPhrasingsAndTagsToTheEntryNamedByItsIdOrItsQuestion() throws IOException {
    Path corpus = corpus();
    Path inner = corpus.resolve("What is inner alignment?.txt");
    byte[] innerBefore = Files.readAllBytes(inner);
    write(
        corpus.resolve("editors.phrasings"),
        String.join(
            "\n",
            "Entry: what is INNER alignment",
            "Also asked as: What does inner alignment mean?",
            "Tags: mesa-optimization, Alignment",
            "",
            "Entry: what-is-reward-hacking",
            "Also asked as: Can an AI cheat at its reward?",
            "",
            "# by one of its phrasings",
            "Entry: What is the inner alignment problem?",
            "Also asked as: What is inner misalignment?",
            ""));
    Corpus loaded = Corpora.load(corpus);
    assertThat(loaded.problems()).isEmpty();
    FaqEntry entry = entry(loaded, "what-is-inner-alignment");
    assertThat(entry.alternates())
        .containsExactly(
            "What is the inner alignment problem?",
            "What does inner alignment mean?",
            "What is inner misalignment?");
    assertThat(entry.tags()).containsExactly("alignment", "mesa-optimization");
    assertThat(entry(loaded, "what-is-reward-hacking").alternates())
        .containsExactly("Can an AI cheat at its reward?");
    assertThat(entry(loaded, "what-is-outer-alignment").alternates()).isEmpty();
    assertThat(loaded.resolve("what does inner alignment mean"))
        .contains("what-is-inner-alignment");
    assertThat(entry.file()).as("the entry is still its own file's").isEqualTo(inner.toString());
    assertThat(Files.readAllBytes(inner)).isEqualTo(innerBefore);
  }

  @Test
  void withoutAPhrasingsFileTheCorpusIsAsRead() throws IOException {
    Path corpus = corpus();
    assertThat(Corpora.load(corpus).entries()).isEqualTo(CorpusLoader.load(corpus).entries());
  }

  @Test
  void reportsWhatCannotMergeAtItsLineAndMergesTheRest() throws IOException {
    Path corpus = corpus();
    Path file =
        write(
            corpus.resolve("editors.phrasings"),
            String.join(
                "\n",
                "Entry: what-is-nothing", // 1: no such entry
                "Also asked as: What is nothing?",
                "Tags: void",
                "Entry: what-is-reward-hacking", // 4
                "Also asked as: What is outer alignment?", // 5: another entry's question
                "Also asked as: what is the inner alignment problem", // 6: another's phrasing
                "Also asked as: How do AIs game rewards?", // 7: fine
                "Also asked as: What is reward hacking?", // 8: its own question
                "Entry: what-is-outer-alignment", // 9
                "Also asked as: How do AIs game rewards", // 10: given to two entries
                "Also asked as: What is the outer objective?", // 11: fine
                "Entry: what-is-reward-hacking",
                "Also asked as: How do AIs game rewards?", // 13: given twice to the same entry
                ""));
    Corpus loaded = Corpora.load(corpus);
    String f = file.toString();
    assertThat(loaded.problems())
        .extracting(CorpusProblem::toString)
        .containsExactly(
            f
                + ":1: error: 'Entry: what-is-nothing' names no entry (give an entry's id or its"
                + " question)",
            f
                + ":5: error: \"What is outer alignment?\" is the question of another entry, "
                + corpus.resolve("what-is-outer-alignment.txt")
                + ", so it cannot also ask what-is-reward-hacking",
            f
                + ":6: error: \"what is the inner alignment problem\" is a phrasing of another"
                + " entry, "
                + corpus.resolve("What is inner alignment?.txt")
                + ", so it cannot also ask what-is-reward-hacking",
            f
                + ":8: warning: \"What is reward hacking?\" is already how "
                + corpus.resolve("what-is-reward-hacking.txt")
                + " asks it",
            f
                + ":10: error: \"How do AIs game rewards\" is given to two entries: to"
                + " what-is-reward-hacking at "
                + f
                + ":7, and here to what-is-outer-alignment; the first keeps it",
            f
                + ":13: warning: \"How do AIs game rewards?\" is given to what-is-reward-hacking"
                + " already, at "
                + f
                + ":7");
    assertThat(entry(loaded, "what-is-reward-hacking").alternates())
        .containsExactly("How do AIs game rewards?");
    assertThat(entry(loaded, "what-is-outer-alignment").alternates())
        .containsExactly("What is the outer objective?");
    assertThat(loaded.size()).isEqualTo(3);
  }

  @Test
  void aBrokenPhrasingsFileNeverStopsTheCorpusOrTheOtherFilesFromLoading() throws IOException {
    Path corpus = corpus();
    Files.write(corpus.resolve("a.phrasings"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
    write(
        corpus.resolve("b.phrasings"),
        "Entry: what-is-outer-alignment\nAlso asked as: What goal do we give it?\n");
    Corpus loaded = Corpora.load(corpus);
    assertThat(loaded.size()).isEqualTo(3);
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.toString()).contains("a.phrasings: error:", "UTF-8"));
    assertThat(entry(loaded, "what-is-outer-alignment").alternates())
        .containsExactly("What goal do we give it?");
  }

  @Test
  void keepsTheCorpusOwnProblemsOnceAndChecksTheMergedEntries() throws IOException {
    Path corpus = corpus();
    write(corpus.resolve("What is broken?.txt"), "A <u>bad mark.\n");
    write(
        corpus.resolve("extra.phrasings"),
        "Entry: what-is-outer-alignment\nAlso asked as: What goal do we give it?\n");
    Corpus plain = CorpusLoader.load(corpus);
    Corpus loaded = Corpora.load(corpus);
    assertThat(loaded.problems()).isEqualTo(plain.problems());
    assertThat(loaded.resolve("What goal do we give it?")).contains("what-is-outer-alignment");
  }

  @Test
  void mergesTheSiblingFileOfAJsonlCorpusKeepingSharedQuestions() throws IOException {
    Path jsonl =
        write(
            dir.resolve("faq.jsonl"),
            String.join(
                "\n",
                "{\"doc_id\": \"1\", \"question\": \"How do I reset my password?\", \"answer\": \"Use the link.\"}",
                "{\"doc_id\": \"2\", \"question\": \"How do I change my email?\", \"answer\": \"In settings.\"}",
                "{\"doc_id\": \"3\", \"question\": \"how do I reset my password\", \"answer\": \"Ask an admin.\"}"));
    write(dir.resolve("faq.phrasings"), "Entry: 2\nAlso asked as: Where do I set my email?\n");
    Corpus loaded = Corpora.load(jsonl);
    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.entries()).extracting(FaqEntry::id).containsExactly("1", "2", "3");
    assertThat(loaded.firstWithSameQuestion(2)).isZero();
    assertThat(entry(loaded, "2").alternates()).containsExactly("Where do I set my email?");
  }

  @Test
  void thePhrasingsFilesAreInTheFingerprint() throws IOException {
    Path corpus = corpus();
    String plain = CorpusFingerprint.of(corpus);
    Path file =
        write(corpus.resolve("x.phrasings"), "Entry: what-is-outer-alignment\nTags: goals\n");
    String with = CorpusFingerprint.of(corpus);
    assertThat(with).isNotEqualTo(plain);
    write(file, "Entry: what-is-outer-alignment\nTags: other goals\n");
    assertThat(CorpusFingerprint.of(corpus)).isNotIn(plain, with);

    Path jsonl =
        write(
            dir.resolve("faq.jsonl"),
            "{\"doc_id\": \"1\", \"question\": \"Q?\", \"answer\": \"A.\"}\n");
    String jsonlPlain = CorpusFingerprint.of(jsonl);
    write(dir.resolve("faq.phrasings"), "Entry: 1\nAlso asked as: Queue?\n");
    assertThat(CorpusFingerprint.of(jsonl)).isNotEqualTo(jsonlPlain);
  }

  @Test
  void mergeWorksOnAdditionsGivenDirectly() throws IOException {
    Corpus corpus = CorpusLoader.load(corpus());
    Corpus merged =
        Phrasings.merge(
            corpus,
            List.of(
                new PhrasingsFile.Addition(
                    "what-is-outer-alignment",
                    1,
                    PhrasingsFile.Kind.PHRASING,
                    "Which goal do we pick?",
                    "mem",
                    2)),
            List.of());
    assertThat(merged.resolve("which goal do we pick")).contains("what-is-outer-alignment");
    assertThat(corpus.resolve("which goal do we pick"))
        .as("the corpus given is unchanged")
        .isEmpty();
  }
}
