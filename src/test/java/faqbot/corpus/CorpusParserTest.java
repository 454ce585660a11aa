package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusParserTest {
  private static final String SEED = "What is inner alignment?.txt";

  private static CorpusParser.Result parse(String fileName, String content) {
    return CorpusParser.parse(fileName, fileName, content.getBytes(StandardCharsets.UTF_8));
  }

  private static FaqEntry seed() throws IOException {
    Path file = Path.of("corpus", SEED);
    CorpusParser.Result result =
        CorpusParser.parse(SEED, file.toString(), Files.readAllBytes(file));
    assertThat(result.problems()).isEmpty();
    return result.entry();
  }

  @Test
  void readsTheSeedQuestionFromItsFileName() throws IOException {
    FaqEntry seed = seed();
    assertThat(seed.question()).isEqualTo("What is inner alignment?");
    assertThat(seed.id()).isEqualTo("what-is-inner-alignment");
    assertThat(seed.alternates()).isEmpty();
  }

  @Test
  void readsTheSeedVideoBodyAndMarks() throws IOException {
    FaqEntry seed = seed();
    assertThat(seed.video())
        .isEqualTo("The OTHER AI Alignment Problem: Mesa-Optimizers and Inner Alignment");
    assertThat(seed.blocks()).hasSize(4).allMatch(b -> b.kind() == Block.Kind.PARAGRAPH);
    assertThat(seed.blocks().get(0).text())
        .isEqualTo(
            "Inner alignment is the problem of making sure that the goal an AI ends up pursuing is the same"
                + " as the goal we optimized it for.");
    assertThat(seed.text())
        .contains("called <u>Stochastic Gradient Descent</u> (SGD)")
        .contains("<u>distribution</u> <u>shifts</u>");
    assertThat(seed.plainText())
        .contains("called Stochastic Gradient Descent (SGD)")
        .doesNotContain("<u>");
  }

  @Test
  void keepsEditorsTextOutOfTheBody() throws IOException {
    FaqEntry seed = seed();
    assertThat(seed.text())
        .doesNotContain("Inner alignment asks")
        .doesNotContain("Scratchpad")
        .doesNotContain("Removed")
        .doesNotContain("Related");
    assertThat(seed.editorsText())
        .contains("Inner alignment asks, \"Is the model *trying to do* what humans")
        .contains("> We refer to this problem of aligning mesa-optimizers");
  }

  @Test
  void readsTheSeedRelatedQuestionsWithTheirLines() throws IOException {
    FaqEntry seed = seed();
    assertThat(seed.related())
        .extracting(RelatedQuestion::question)
        .containsExactly(
            "What is deceptive alignment?",
            "What is the difference between inner and outer alignment?",
            "What is goal misgeneralization?",
            "What are mesa-optimizers?",
            "What is the likelihood of inner misalignment?");
    assertThat(seed.related().get(0).line()).isEqualTo(13);
  }

  @Test
  void parsesTheSeedSourcesIntoTheirParts() throws IOException {
    List<Source> sources = seed().sources();
    assertThat(sources).hasSize(17);
    assertThat(sources.get(0))
        .isEqualTo(
            new Source(
                "Defining capability and alignment in gradient descent",
                null,
                null,
                "Defining capability and alignment in gradient descent",
                null));
    assertThat(sources.get(2).title()).isEqualTo("Inner alignment: what are we pointing at?");
    assertThat(sources.get(2).text()).isEqualTo("<u>Inner alignment: what are we pointing at?</u>");
    Source hubinger = sources.get(6);
    assertThat(hubinger.authors()).isEqualTo("Hubinger, Evan; et. al.");
    assertThat(hubinger.date()).isEqualTo("May 2019");
    assertThat(hubinger.title()).isEqualTo("Risks from Learned Optimization");
    assertThat(sources.get(16))
        .isEqualTo(
            new Source(
                "davidad (Dec 2022) Reframing inner alignment",
                "davidad",
                "Dec 2022",
                "Reframing inner alignment",
                null));
    assertThat(sources.get(12).title()).isEqualTo("Re-Define Intent Alignment?");
    assertThat(sources.get(12).date()).isEqualTo("July 2021");
  }

  @Test
  void readsHeaderLinesQuotesListsAndUrls() {
    String text =
        String.join(
            "\n",
            "Question: What is a test entry?",
            "Also asked as: What is an example entry?",
            "Also asked as: Show me a sample",
            "Tags: testing, examples",
            "",
            "■  A video",
            "",
            "First paragraph,",
            "continued on a second line.",
            "",
            "> A quoted line",
            "> that goes on.",
            "",
            "- one",
            "- two <u>marked</u>",
            "",
            "1. first",
            "2. second",
            "",
            "Last paragraph.",
            "",
            "Related",
            "",
            "- What is inner alignment?",
            "",
            "Scratchpad",
            "",
            "a note",
            "",
            "Sources",
            "",
            "- Doe, Jane (2020) A Title https://example.org/paper.",
            "");
    CorpusParser.Result result = parse("test-entry.txt", text);
    assertThat(result.problems()).isEmpty();
    FaqEntry e = result.entry();
    assertThat(e.id()).isEqualTo("test-entry");
    assertThat(e.question()).isEqualTo("What is a test entry?");
    assertThat(e.alternates()).containsExactly("What is an example entry?", "Show me a sample");
    assertThat(e.tags()).containsExactly("testing", "examples");
    assertThat(e.video()).isEqualTo("A video");
    assertThat(e.blocks())
        .containsExactly(
            new Block(
                Block.Kind.PARAGRAPH, "First paragraph, continued on a second line.", List.of()),
            new Block(Block.Kind.QUOTE, "A quoted line that goes on.", List.of()),
            new Block(Block.Kind.BULLETS, null, List.of("one", "two <u>marked</u>")),
            new Block(Block.Kind.NUMBERED, null, List.of("first", "second")),
            new Block(Block.Kind.PARAGRAPH, "Last paragraph.", List.of()));
    assertThat(e.text())
        .isEqualTo(
            "First paragraph, continued on a second line.\n\n> A quoted line that goes on."
                + "\n\n- one\n- two <u>marked</u>\n\n1. first\n2. second\n\nLast paragraph.");
    assertThat(e.editorsText()).isEqualTo("a note");
    assertThat(e.sources())
        .containsExactly(
            new Source(
                "Doe, Jane (2020) A Title https://example.org/paper.",
                "Doe, Jane",
                "2020",
                "A Title",
                "https://example.org/paper"));
  }

  @Test
  void acceptsWindowsLineEndingsAndAByteOrderMark() {
    CorpusParser.Result result =
        parse("What is a CRLF file?.txt", "\uFEFFBody line.\r\n\r\nSources\r\n\r\n- A book\r\n");
    assertThat(result.problems()).isEmpty();
    assertThat(result.entry().question()).isEqualTo("What is a CRLF file?");
    assertThat(result.entry().text()).isEqualTo("Body line.");
  }

  @Test
  void warnsButKeepsAnEntryWithoutSources() {
    CorpusParser.Result result = parse("What has no sources?.txt", "Just an answer.\n");
    assertThat(result.entry()).isNotNull();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.message()).contains("no sources");
            });
  }

  @Test
  void rejectsAnEmptyFile() {
    assertError(parse("What is empty?.txt", "  \n\n"), 1, "is empty");
  }

  @Test
  void rejectsBinaryContent() {
    CorpusParser.Result result =
        CorpusParser.parse("x.txt", "x.txt", new byte[] {'a', '\n', 'b', 0, 'c'});
    assertError(result, 2, "NUL byte");
  }

  @Test
  void rejectsInvalidUtf8AndSaysWhere() {
    byte[] bytes = "Question: Q?\n\nline two\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[bytes.length + 3];
    System.arraycopy(bytes, 0, bad, 0, bytes.length);
    bad[bytes.length] = 'x';
    bad[bytes.length + 1] = (byte) 0xC3;
    bad[bytes.length + 2] = (byte) 0x28;
    assertError(CorpusParser.parse("q.txt", "q.txt", bad), 4, "not valid UTF-8");
  }

  @Test
  void rejectsAnUnclosedMarkOnItsLine() {
    assertError(
        parse("What is marked?.txt", "Fine line.\n\nA <u>broken mark.\n"),
        3,
        "'<u>' is not closed");
  }

  @Test
  void rejectsAStrayClosingMark() {
    assertError(parse("What is marked?.txt", "A broken</u> mark.\n"), 1, "closes nothing");
  }

  @Test
  void rejectsASectionThatAppearsTwice() {
    String text = "Answer.\n\nRelated\n\n- What is X?\n\nRelated\n\n- What is Y?\n";
    assertError(
        parse("What is twice?.txt", text), 7, "second 'Related' section (the first is at line 3)");
  }

  @Test
  void rejectsAFileWithNoAnswerText() {
    assertError(
        parse("What has no body?.txt", "\nRelated\n\n- What is X?\n"),
        2,
        "has no answer text before 'Related'");
  }

  @Test
  void rejectsASlugNamedFileWithoutAQuestion() {
    assertError(
        parse("no-question-here.txt", "An answer.\n\nSources\n\n- A book\n"), 1, "has no question");
  }

  @Test
  void rejectsAnEmptyOrRepeatedQuestionHeader() {
    assertError(parse("x.txt", "Question:\n\nAn answer.\n"), 1, "'Question:' is empty");
    assertError(
        parse("x.txt", "Question: A?\nQuestion: B?\n\nAn answer.\n"), 2, "second 'Question:' line");
  }

  @Test
  void warnsAboutARelatedLineWithoutABullet() {
    CorpusParser.Result result =
        parse("What is loose?.txt", "Answer.\n\nRelated\n\nWhat is X?\n\nSources\n\n- B\n");
    assertThat(result.entry().related())
        .extracting(RelatedQuestion::question)
        .containsExactly("What is X?");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.line()).isEqualTo(5);
            });
  }

  private static void assertError(CorpusParser.Result result, int line, String text) {
    assertThat(result.entry()).isNull();
    assertThat(result.problems())
        .anySatisfy(
            p -> {
              assertThat(p.isError()).isTrue();
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.message()).contains(text);
            });
  }
}
