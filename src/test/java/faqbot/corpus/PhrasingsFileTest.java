package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import faqbot.corpus.PhrasingsFile.Addition;
import faqbot.corpus.PhrasingsFile.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading, finding and appending to the phrasings files beside a corpus. */
class PhrasingsFileTest {
  @TempDir Path dir;

  private static PhrasingsFile.Read parse(String text) {
    return PhrasingsFile.parse("p.phrasings", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsEveryKindOfLine() {
    PhrasingsFile.Read read =
        parse(
            String.join(
                "\n",
                "# a comment",
                "Entry: What is inner alignment?",
                "Also asked as: What does inner alignment mean?",
                "  also ASKED as :  What is inner misalignment?  ",
                "Tags: mesa-optimization, , learned goals",
                "",
                "entry: what-is-reward-hacking",
                "Also asked as: Can an AI cheat at its reward?",
                ""));
    assertThat(read.problems()).isEmpty();
    assertThat(read.additions())
        .containsExactly(
            new Addition(
                "What is inner alignment?",
                2,
                Kind.PHRASING,
                "What does inner alignment mean?",
                "p.phrasings",
                3),
            new Addition(
                "What is inner alignment?",
                2,
                Kind.PHRASING,
                "What is inner misalignment?",
                "p.phrasings",
                4),
            new Addition(
                "What is inner alignment?", 2, Kind.TAG, "mesa-optimization", "p.phrasings", 5),
            new Addition(
                "What is inner alignment?", 2, Kind.TAG, "learned goals", "p.phrasings", 5),
            new Addition(
                "what-is-reward-hacking",
                7,
                Kind.PHRASING,
                "Can an AI cheat at its reward?",
                "p.phrasings",
                8));
  }

  @Test
  void readsWindowsLineEndsAndAByteOrderMark() {
    PhrasingsFile.Read read =
        parse("\uFEFFEntry: what-is-x\r\nAlso asked as: What is X really?\r\n");
    assertThat(read.problems()).isEmpty();
    assertThat(read.additions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.entry()).isEqualTo("what-is-x");
              assertThat(a.text()).isEqualTo("What is X really?");
              assertThat(a.line()).isEqualTo(2);
            });
  }

  @Test
  void reportsEachBadLineWithItsNumberAndReadsTheRest() {
    PhrasingsFile.Read read =
        parse(
            String.join(
                "\n",
                "Also asked as: Which entry is this for?",
                "Entry: what-is-x",
                "Also asked as:",
                "Also asked as: " + "x".repeat(PhrasingsFile.MAX_PHRASING_CHARS + 1),
                "this line means nothing",
                "Question: What is X?",
                "Tags:",
                "Also asked as: What is X, then?",
                "Entry:",
                "Also asked as: Under an empty entry",
                "Entry: what-is-y",
                "Also asked as: What is Y, then?"));
    assertThat(read.problems())
        .extracting(CorpusProblem::line, CorpusProblem::severity)
        .containsExactly(
            tuple(1, CorpusProblem.Severity.ERROR),
            tuple(3, CorpusProblem.Severity.ERROR),
            tuple(4, CorpusProblem.Severity.ERROR),
            tuple(5, CorpusProblem.Severity.ERROR),
            tuple(6, CorpusProblem.Severity.ERROR),
            tuple(7, CorpusProblem.Severity.WARNING),
            tuple(9, CorpusProblem.Severity.ERROR));
    assertThat(read.problems().get(0).message()).contains("before any 'Entry:'");
    assertThat(read.problems().get(1).message()).contains("empty");
    assertThat(read.problems().get(2).message()).contains("characters long");
    assertThat(read.problems().get(3).message()).contains("this line means nothing");
    assertThat(read.problems().get(6).toString())
        .isEqualTo(
            "p.phrasings:9: error: 'Entry:' is empty; name an entry by its id or its question");
    assertThat(read.additions())
        .extracting(Addition::entry, Addition::text)
        .containsExactly(
            tuple("what-is-x", "What is X, then?"), tuple("what-is-y", "What is Y, then?"));
  }

  @Test
  void aFileThatIsNotUtf8IsOneProblem() {
    PhrasingsFile.Read read =
        PhrasingsFile.parse("p.phrasings", new byte[] {'E', 'n', (byte) 0xff, '\n'});
    assertThat(read.additions()).isEmpty();
    assertThat(read.problems())
        .singleElement()
        .extracting(CorpusProblem::message)
        .asString()
        .contains("UTF-8");
  }

  @Test
  void findsThePhrasingsFilesOfAFolderAndBesideAFile() throws IOException {
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("What is X?.txt"), "X.\n");
    Files.writeString(corpus.resolve("b.phrasings"), "");
    Files.createDirectories(corpus.resolve("sub"));
    Files.writeString(corpus.resolve("sub/a.phrasings"), "");
    Files.createDirectories(corpus.resolve(".hidden"));
    Files.writeString(corpus.resolve(".hidden/c.phrasings"), "");
    Files.writeString(corpus.resolve(".d.phrasings"), "");
    assertThat(PhrasingsFile.files(corpus))
        .containsExactly(corpus.resolve("b.phrasings"), corpus.resolve("sub/a.phrasings"));
    assertThat(PhrasingsFile.target(corpus)).isEqualTo(corpus.resolve("added.phrasings"));
    assertThat(CorpusLoader.files(corpus))
        .as("the entry loader never reads a phrasings file as an entry")
        .containsExactly(corpus.resolve("What is X?.txt"));

    Path jsonl = Files.writeString(dir.resolve("faq.jsonl"), "");
    assertThat(PhrasingsFile.files(jsonl)).isEmpty();
    assertThat(PhrasingsFile.target(jsonl)).isEqualTo(dir.resolve("faq.phrasings"));
    Files.writeString(dir.resolve("faq.phrasings"), "");
    assertThat(PhrasingsFile.files(jsonl)).containsExactly(dir.resolve("faq.phrasings"));
  }

  @Test
  void appendsABlockThatReadsBackWithoutDisturbingWhatWasThere() throws IOException {
    Path file = dir.resolve("added.phrasings");
    PhrasingsFile.append(file, "what-is-x", "  What is X, again?  ");
    assertThat(Files.readString(file))
        .isEqualTo("Entry: what-is-x\nAlso asked as: What is X, again?\n");

    Files.writeString(file, "# by hand\nEntry: what-is-y\nTags: why", StandardCharsets.UTF_8);
    PhrasingsFile.append(file, "what-is-z", "Zed?");
    String text = Files.readString(file);
    assertThat(text)
        .isEqualTo(
            "# by hand\nEntry: what-is-y\nTags: why\n\nEntry: what-is-z\nAlso asked as: Zed?\n");
    PhrasingsFile.Read read = PhrasingsFile.read(file);
    assertThat(read.problems()).isEmpty();
    assertThat(read.additions())
        .extracting(Addition::entry, Addition::kind, Addition::text)
        .containsExactly(
            tuple("what-is-y", Kind.TAG, "why"), tuple("what-is-z", Kind.PHRASING, "Zed?"));
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).as("no partial file is left behind").containsExactly(file);
    }
  }

  @Test
  void aPhrasingWithAnUnusualSeparatorReadsBackAsWritten() throws IOException {
    Path file = dir.resolve("added.phrasings");
    assertThatThrownBy(() -> PhrasingsFile.append(file, "what-is-x", "What is X\u0085?"))
        .isInstanceOf(IllegalArgumentException.class);
    PhrasingsFile.append(file, "what-is-x", "What is\u2028X: really?");
    PhrasingsFile.Read read = PhrasingsFile.read(file);
    assertThat(read.problems()).isEmpty();
    assertThat(read.additions())
        .singleElement()
        .extracting(Addition::text)
        .isEqualTo("What is\u2028X: really?");
  }

  @Test
  void refusesToAppendWhatWouldNotReadBack() {
    Path file = dir.resolve("added.phrasings");
    assertThatThrownBy(() -> PhrasingsFile.append(file, "what-is-x", "two\nlines"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one line");
    assertThatThrownBy(() -> PhrasingsFile.append(file, "what-is-x", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PhrasingsFile.append(file, "x\nAlso asked as: y", "fine?"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(file).doesNotExist();
  }

  @Test
  void checksAPhrasingLikeAQuestion() {
    assertThat(PhrasingsFile.checkPhrasing("What is X?")).isNull();
    assertThat(PhrasingsFile.checkPhrasing("")).contains("empty");
    assertThat(PhrasingsFile.checkPhrasing(null)).contains("empty");
    assertThat(PhrasingsFile.checkPhrasing("a\tb")).contains("one line");
    assertThat(PhrasingsFile.checkPhrasing("x".repeat(PhrasingsFile.MAX_PHRASING_CHARS))).isNull();
    assertThat(PhrasingsFile.checkPhrasing("x".repeat(PhrasingsFile.MAX_PHRASING_CHARS + 1)))
        .contains("characters long");
  }
}
