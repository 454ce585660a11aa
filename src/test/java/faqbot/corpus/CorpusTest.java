package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
  @TempDir Path folder;

  private void write(String name, String content) throws IOException {
    Path file = folder.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void oneBadFileDoesNotTakeTheOthersDown() throws IOException {
    write("What is good?.txt", "Good answer.\n\nSources\n\n- A book\n");
    write("What is bad?.txt", "A <u>bad mark.\n");
    write("sub/What is nested?.txt", "Nested answer.\n\nSources\n\n- A book\n");
    write("notes.rst", "not an entry");
    write(".hidden/What is hidden?.txt", "Hidden.\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.entries())
        .extracting(FaqEntry::question)
        .containsExactlyInAnyOrder("What is good?", "What is nested?");
    assertThat(corpus.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.file()).endsWith("What is bad?.txt");
              assertThat(p.line()).isEqualTo(1);
              assertThat(p.toString()).matches(".*What is bad\\?\\.txt:1: error: .*");
            });
  }

  @Test
  void pointsEachEntryAtTheFirstOneAskingItsQuestion() throws IOException {
    Path jsonl = folder.resolve("faq.jsonl");
    Files.writeString(
        jsonl,
        String.join(
            "\n",
            "{\"doc_id\": \"1\", \"question\": \"How do I reset my password?\", \"answer\": \"Use the link.\"}",
            "{\"doc_id\": \"2\", \"question\": \"How do I change my email?\", \"answer\": \"In settings.\"}",
            "{\"doc_id\": \"3\", \"question\": \"how do I reset my password\", \"answer\": \"Ask an admin.\"}"),
        StandardCharsets.UTF_8);
    Corpus corpus = Corpora.load(jsonl);
    assertThat(corpus.entries()).extracting(FaqEntry::id).containsExactly("1", "2", "3");
    assertThat(corpus.firstWithSameQuestion(0)).isZero();
    assertThat(corpus.firstWithSameQuestion(1)).isEqualTo(1);
    assertThat(corpus.firstWithSameQuestion(2)).isZero();
  }

  @Test
  void leavesOutTheSecondEntryAskingTheSameQuestion() throws IOException {
    write("a.txt", "Question: What is X?\n\nFirst.\n\nSources\n\n- A\n");
    write("b.txt", "Question: what is x\n\nSecond.\n\nSources\n\n- A\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.entries()).extracting(FaqEntry::id).containsExactly("a");
    assertThat(corpus.hasErrors()).isTrue();
    assertThat(corpus.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("same question"));
  }

  @Test
  void resolvesRelatedQuestionsLooselyAndWarnsAboutDanglingOnes() throws IOException {
    write(
        "a.txt",
        "Question: What is X?\nAlso asked as: What's X?\n\nAnswer.\n\nRelated\n\n- What is  y\n- What is Z?\n\n"
            + "Sources\n\n- A\n");
    write("b.txt", "Question: What is Y?\n\nAnswer.\n\nRelated\n\n- what's x?\n\nSources\n\n- A\n");
    Corpus corpus = CorpusLoader.load(folder);
    assertThat(corpus.resolve("What is y?")).contains("b");
    assertThat(corpus.resolve("WHAT'S X")).contains("a");
    assertThat(corpus.resolve("What is Z?")).isEmpty();
    assertThat(corpus.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.isError()).isFalse();
              assertThat(p.line()).isEqualTo(9);
              assertThat(p.message()).contains("names no entry").contains("What is Z?");
            });
  }

  @Test
  void refusesAMissingFolder() {
    assertThatThrownBy(() -> CorpusLoader.load(folder.resolve("missing")))
        .isInstanceOf(CorpusException.class)
        .hasMessageContaining("corpus folder not found");
  }

  @Test
  void fingerprintChangesWithContentAndNames() throws IOException {
    write("What is good?.txt", "Good answer.\n");
    String before = CorpusFingerprint.of(folder);
    assertThat(CorpusFingerprint.of(folder)).isEqualTo(before);
    write("What is good?.txt", "Good answer!\n");
    String edited = CorpusFingerprint.of(folder);
    assertThat(edited).isNotEqualTo(before);
    Files.move(folder.resolve("What is good?.txt"), folder.resolve("What is fine?.txt"));
    assertThat(CorpusFingerprint.of(folder)).isNotEqualTo(edited);
  }

  @Test
  void readsJsonlCorporaAndReportsBadLines() throws IOException {
    write(
        "faq.jsonl",
        "{\"doc_id\": \"d1\", \"question\": \"Q1?\", \"answer\": \"A1.\", \"alternates\": [\"Q one\"]}\n"
            + "not json\n"
            + "{\"doc_id\": \"d2\", \"question\": \"Q1?\", \"answer\": \"Another answer to Q1.\"}\n"
            + "{\"doc_id\": \"d3\", \"question\": \"Q3?\"}\n");
    Corpus corpus = Corpora.load(folder.resolve("faq.jsonl"));
    assertThat(corpus.entries()).extracting(FaqEntry::id).containsExactly("d1", "d2");
    assertThat(corpus.byId("d1").orElseThrow().alternates()).containsExactly("Q one");
    assertThat(corpus.problems()).extracting(CorpusProblem::line).containsExactly(2, 4);
  }
}
