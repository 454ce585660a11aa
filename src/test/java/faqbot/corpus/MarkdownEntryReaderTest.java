package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownEntryReaderTest {
  @TempDir Path folder;

  private void write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void readsEveryFrontMatterFieldAndTheBody() throws IOException {
    write(
        "inner-alignment.md",
        """
        ---
        question: What is inner alignment?
        phrasings:
          - What is inner misalignment?
          - "Is the trained goal the intended one?"
        tags: [alignment, training]
        related:
          - What is goal misgeneralization?
        sources:
          - "[Risks from Learned Optimization](https://arxiv.org/abs/1906.01820)"
          - Hubinger, Evan (2019) A plain citation https://example.org/c
        ---
        Inner alignment asks whether a **trained** model pursues [the goal](https://example.org/g)
        it was trained on[^1].

        [^1]: A footnote.
        """);
    write(
        "What is goal misgeneralization?.txt",
        "A model competently pursues the wrong goal.\n\nSources\n\n- A book\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.problems()).isEmpty();
    FaqEntry entry = corpus.byId("inner-alignment").orElseThrow();
    assertThat(entry.question()).isEqualTo("What is inner alignment?");
    assertThat(entry.alternates())
        .containsExactly("What is inner misalignment?", "Is the trained goal the intended one?");
    assertThat(entry.tags()).containsExactly("alignment", "training");
    assertThat(corpus.resolve(entry.related().get(0))).contains("what-is-goal-misgeneralization");
    assertThat(entry.text())
        .isEqualTo(
            "Inner alignment asks whether a trained model pursues the goal it was trained on[1].");
    assertThat(entry.sources())
        .extracting(Source::title, Source::url)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A footnote.", null),
            org.assertj.core.groups.Tuple.tuple(
                "Risks from Learned Optimization", "https://arxiv.org/abs/1906.01820"),
            org.assertj.core.groups.Tuple.tuple("A plain citation", "https://example.org/c"));
    assertThat(entry.sources().get(2).authors()).isEqualTo("Hubinger, Evan");
  }

  @Test
  void aBadFileIsReportedWithItsLineAndTheOthersLoad() throws IOException {
    write("good.md", "---\nquestion: Is this good?\n---\nYes.\n");
    write("no-header.md", "Just text.\n");
    write("unclosed.md", "---\nquestion: Open?\nNo end.\n");
    write("bad-yaml.md", "---\nquestion: Fine?\nrelated: [Is it ok? Or not?]\n---\nBody.\n");
    write("no-question.md", "---\ntags: [x]\n---\nBody.\n");
    write("no-body.md", "---\nquestion: Empty?\n---\n\n");
    write("unknown-key.md", "---\nquestion: Unknown key?\ntitel: typo\n---\nBody.\n");
    write("README.md", "# About this folder\n");
    write("Seed entry?.txt", "A seed-format entry beside them.\n\nSources\n\n- A book\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.entries())
        .extracting(FaqEntry::question)
        .containsExactlyInAnyOrder("Is this good?", "Unknown key?", "Seed entry?");
    assertThat(corpus.problems())
        .extracting(p -> folder.relativize(Path.of(p.file())) + ":" + p.line() + ":" + p.severity())
        .containsExactlyInAnyOrder(
            "no-header.md:1:ERROR",
            "unclosed.md:1:ERROR",
            "bad-yaml.md:3:ERROR",
            "no-question.md:2:ERROR",
            "no-body.md:4:ERROR",
            "unknown-key.md:3:WARNING");
    assertThat(corpus.problems())
        .filteredOn(p -> p.file().endsWith("bad-yaml.md"))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("must be quoted"));
  }

  @Test
  void aFileTooDeeplyNestedToReadIsReportedAndTheOthersLoad() throws IOException {
    write("good.md", "---\nquestion: Is this good?\n---\nYes.\n");
    write("deep.md", "---\nquestion: Deep?\n---\n" + "-".repeat(20000) + "\n");
    write("closed-with-spaces.md", "---\nquestion: Spaces after the close?\n---   \nBody.\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.entries())
        .extracting(FaqEntry::question)
        .containsExactlyInAnyOrder("Is this good?", "Spaces after the close?");
    assertThat(corpus.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.file()).endsWith("deep.md"));
  }
}
