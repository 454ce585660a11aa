package faqbot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.corpus.Corpus;
import faqbot.corpus.CorpusException;
import faqbot.corpus.CorpusProblem;
import faqbot.corpus.FaqEntry;
import faqbot.corpus.JsonlCorpusReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzzes {@link faqbot.corpus.JsonlCorpusReader#read}: the fuzz bytes are written to a temporary
 * {@code .jsonl} file and read back.
 *
 * <p>Declared behaviour checked: the only exception is {@link CorpusException}; otherwise a corpus
 * comes back whose problems each name the file and a line between 0 and the number of lines, and
 * whose entries each have an id, a question and the file they came from.
 */
class JsonlCorpusReaderFuzzTest {
  private static Path dir;
  private static Path file;

  @BeforeAll
  static void createFile() throws IOException {
    dir = Files.createTempDirectory("faqbot-jsonl-fuzz");
    file = dir.resolve("corpus.jsonl");
  }

  @AfterAll
  static void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @FuzzTest(maxDuration = "10m")
  void read(byte[] input) throws IOException {
    Files.write(file, input);
    Corpus corpus;
    try {
      corpus = JsonlCorpusReader.read(file);
    } catch (CorpusException e) {
      assertThat(e.getMessage()).isNotBlank();
      return;
    }
    assertThat(corpus).isNotNull();
    int lines = input.length == 0 ? 0 : Files.readAllLines(file).size();
    for (CorpusProblem problem : corpus.problems()) {
      assertThat(problem.file()).startsWith(file.toString());
      assertThat(problem.line()).as("line of %s", problem).isBetween(0, lines);
      assertThat(problem.message()).isNotBlank();
    }
    for (FaqEntry entry : corpus.entries()) {
      assertThat(entry.id()).isNotBlank();
      assertThat(entry.question()).isNotBlank();
      assertThat(entry.file()).startsWith(file.toString());
      assertThat(entry.text()).isNotNull();
      assertThat(corpus.byId(entry.id())).isPresent();
    }
  }
}
