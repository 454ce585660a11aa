package faqbot.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import faqbot.corpus.PhrasingsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes {@link PhrasingsFile#append}: any phrasing appended to any phrasings file.
 *
 * <p>Declared behaviour checked: a phrasing and an entry id that {@link
 * PhrasingsFile#checkPhrasing} and {@code append} accept, appended to a file that reads without
 * problems, read back as its last addition, and what the file said before still reads the same.
 */
class PhrasingsAppendFuzzTest {
  @FuzzTest(maxDuration = "10m")
  void append(FuzzedDataProvider data) throws IOException {
    String phrasing = data.consumeString(400);
    String entryId = data.consumeString(40);
    byte[] before = data.consumeRemainingAsBytes();
    if (PhrasingsFile.checkPhrasing(phrasing) != null
        || entryId.isBlank()
        || entryId.chars().anyMatch(Character::isISOControl)) {
      return;
    }
    PhrasingsFile.Read old = PhrasingsFile.parse("f.phrasings", before);
    if (!old.problems().isEmpty()) {
      return;
    }
    Path dir = Files.createTempDirectory("faqbot-phrasings-fuzz");
    Path file = dir.resolve("added.phrasings");
    try {
      Files.write(file, before);
      PhrasingsFile.append(file, entryId, phrasing);
      PhrasingsFile.Read read = PhrasingsFile.read(file);
      assertThat(read.problems()).isEmpty();
      assertThat(read.additions()).hasSize(old.additions().size() + 1);
      PhrasingsFile.Addition last = read.additions().get(read.additions().size() - 1);
      assertThat(last.entry()).isEqualTo(entryId.strip());
      assertThat(last.text()).isEqualTo(phrasing.strip());
      for (int i = 0; i < old.additions().size(); i++) {
        assertThat(read.additions().get(i).text()).isEqualTo(old.additions().get(i).text());
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }
}
