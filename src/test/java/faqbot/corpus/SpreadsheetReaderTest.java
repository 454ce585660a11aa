package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadsheetReaderTest {
  @TempDir Path folder;

  private Path write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void readsACsvWithEveryColumnAndMarkdownAnswers() throws IOException {
    Path file =
        write(
            "faq.csv",
            "Question,Answer,Source,Tags,Alternate questions\n"
                + "\"What is X?\",\"X is **bold**,\nsee [this](https://x.example).\","
                + "\"[Paper](https://p.example)|https://q.example\",\"a, b\","
                + "\"What does X mean?|Define X\"\n");
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.problems()).isEmpty();
    FaqEntry entry = corpus.entries().get(0);
    assertThat(entry.id()).isEqualTo("what-is-x");
    assertThat(entry.text()).isEqualTo("X is bold, see this.");
    assertThat(entry.blocks().get(0).spans())
        .contains(new Span(Span.Kind.LINK, "this", "https://x.example"));
    assertThat(entry.tags()).containsExactly("a", "b");
    assertThat(entry.alternates()).containsExactly("What does X mean?", "Define X");
    assertThat(entry.sources())
        .extracting(Source::url)
        .containsExactly("https://p.example", "https://q.example");
  }

  @Test
  void readsATsvWithOnlyTheRequiredColumnsInAnyCaseAndOrder() throws IOException {
    Path file = write("faq.tsv", "ANSWER\tQuestion\tId\nIt is Y.\tWhat is Y?\ty-entry\n\n");
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.problems()).isEmpty();
    assertThat(corpus.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.id()).isEqualTo("y-entry");
              assertThat(e.question()).isEqualTo("What is Y?");
              assertThat(e.text()).isEqualTo("It is Y.");
            });
  }

  @Test
  void badRowsAreReportedWithTheirLinesAndTheOthersLoad() throws IOException {
    Path file =
        write(
            "faq.csv",
            "question,answer\n"
                + "Good?,Yes.\n"
                + "No answer?,\n"
                + ",An answer without a question\n"
                + "Also good?,\"Multi\nline\"\n"
                + "Broken?,\"never closed\n");
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.entries())
        .extracting(FaqEntry::question)
        .containsExactly("Good?", "Also good?");
    assertThat(corpus.problems())
        .extracting(p -> p.line() + " " + p.message())
        .containsExactly(
            "3 has no answer to \"No answer?\"",
            "4 has an answer but no question",
            "7 is not a row of the header's columns: Missing closing quote for value");
  }

  @Test
  void aRowWithTooManyCellsIsReportedAndTheRowsAfterItKeepTheirLines() throws IOException {
    Path file = write("faq.csv", "question,answer\nQ1?,A1\nQ2?,A2,extra\nQ3?,\nQ4?,A4\n");
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.entries())
        .extracting(FaqEntry::file)
        .containsExactly(file + ":2", file + ":5");
    assertThat(corpus.problems()).extracting(CorpusProblem::line).containsExactly(3, 4);
  }

  @Test
  void aHeaderWithoutAQuestionColumnSaysWhatItHas() throws IOException {
    Path file = write("faq.csv", "Q,A\nx,y\n");
    assertThat(Corpora.load(file).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.message())
                  .isEqualTo("the header row has no 'question' column; it has: Q, A");
            });
  }

  @Test
  void aByteOrderMarkAShortRowAndQuestionsWithoutLatinLettersAreRead() throws IOException {
    Path file = write("faq.csv", "\uFEFFquestion,answer,tags\n日本語の質問ですか?,はい。,a\n中文问题?,是的。\n");
    Corpus corpus = Corpora.load(file);
    assertThat(corpus.problems()).isEmpty();
    assertThat(corpus.entries())
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.id()).startsWith("entry-"));
    assertThat(corpus.entries().get(0).id()).isNotEqualTo(corpus.entries().get(1).id());
  }

  @Test
  void aFileThatIsNotUtf8SaysSoWithTheLine() throws IOException {
    Path file = folder.resolve("latin1.csv");
    Files.write(
        file, "question,answer\nQ1?,A1\nQ2?,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(Corpora.load(file).problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.line()).isEqualTo(3);
              assertThat(p.message()).contains("is not UTF-8 text");
            });
  }
}
