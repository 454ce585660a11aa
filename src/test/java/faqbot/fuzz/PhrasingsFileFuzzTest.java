package faqbot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.corpus.CorpusProblem;
import faqbot.corpus.PhrasingsFile;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link PhrasingsFile#parse}: reading any bytes as a phrasings file.
 *
 * <p>Declared behaviour checked: reading never throws; each problem names the file and a line
 * between 0 and the number of lines; each addition names its entry, comes after its {@code Entry:}
 * line and, when a phrasing, is one a program could write.
 */
class PhrasingsFileFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void parse(byte[] input) {
    PhrasingsFile.Read read = PhrasingsFile.parse("f.phrasings", input);
    long lines = new String(input, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length;
    for (CorpusProblem problem : read.problems()) {
      assertThat(problem.file()).isEqualTo("f.phrasings");
      assertThat((long) problem.line()).as("line of %s", problem).isBetween(0L, lines);
      assertThat(problem.message()).isNotBlank();
    }
    for (PhrasingsFile.Addition addition : read.additions()) {
      assertThat(addition.entry()).isNotBlank();
      assertThat(addition.line()).isGreaterThan(addition.entryLine());
      assertThat(addition.entryLine()).isPositive();
      assertThat(addition.text()).isNotBlank();
      if (addition.kind() == PhrasingsFile.Kind.PHRASING) {
        assertThat(PhrasingsFile.checkPhrasing(addition.text())).isNull();
      }
    }
  }
}
