package faqbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalFolderTest {
  @TempDir Path dir;

  private static void append(Path file, String text) throws Exception {
    Files.writeString(
        file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String declined(String question) {
    return "{\"type\":\"asked\",\"time\":\"2026-12-05T10:00:00Z\",\"question\":\""
        + question
        + "\",\"outcome\":\"decline\",\"confidence\":0.1}\n";
  }

  @Test
  void everyReplicasJournalIsReadAndEachNewRecordOnce() throws Exception {
    Path a = dir.resolve("a.jsonl");
    Path b = dir.resolve("b.jsonl");
    append(a, declined("who funds ai safety"));
    append(b, declined("who funds ai safety"));
    Files.writeString(dir.resolve("notes.txt"), "not a journal");
    JournalFolder folder = JournalFolder.of(dir);

    assertThat(folder.refresh().unanswered(Instant.EPOCH).get(0).count()).isEqualTo(2);
    assertThat(folder.refresh().unanswered(Instant.EPOCH).get(0).count()).isEqualTo(2);

    append(a, declined("who funds ai safety"));
    assertThat(folder.refresh().unanswered(Instant.EPOCH).get(0).count()).isEqualTo(3);
  }

  @Test
  void aTornLastLineIsReadOnlyOnceItIsComplete() throws Exception {
    Path a = dir.resolve("a.jsonl");
    String line = declined("what is foom");
    append(a, declined("who funds ai safety") + line.substring(0, 20));
    JournalFolder folder = JournalFolder.of(dir);

    assertThat(folder.refresh().unanswered(Instant.EPOCH)).hasSize(1);
    assertThat(folder.tornTails()).containsExactly(a);

    append(a, line.substring(20));
    assertThat(folder.refresh().unanswered(Instant.EPOCH)).hasSize(2);
    assertThat(folder.tornTails()).isEmpty();
    assertThat(folder.badLines()).isEmpty();
  }

  @Test
  void aBadLineIsNamedAndTheRestAreRead() throws Exception {
    Path a = dir.resolve("a.jsonl");
    append(a, declined("one") + "{not json\n" + declined("two"));
    JournalFolder folder = JournalFolder.of(dir);

    assertThat(folder.refresh().unanswered(Instant.EPOCH)).hasSize(2);
    assertThat(folder.badLines()).containsExactly(new JournalFolder.BadLine(a, 2));
  }

  @Test
  void aJournalReplacedBySmallerOneIsReadAgainFromTheStart() throws Exception {
    Path a = dir.resolve("a.jsonl");
    append(a, declined("one") + declined("two"));
    JournalFolder folder = JournalFolder.of(dir);
    assertThat(folder.refresh().unanswered(Instant.EPOCH)).hasSize(2);

    Files.writeString(a, declined("three"));
    assertThat(folder.refresh().unanswered(Instant.EPOCH))
        .extracting(Ledger.Wording::question)
        .containsExactly("three");
  }

  @Test
  void aRecordLongerThanTheReadBufferIsRead() throws Exception {
    Path a = dir.resolve("a.jsonl");
    String longQuestion = "why ".repeat(2_000_000);
    append(a, declined(longQuestion) + declined("short"));
    JournalFolder folder = JournalFolder.of(dir);
    assertThat(folder.refresh().unanswered(Instant.EPOCH)).hasSize(2);
  }
}
