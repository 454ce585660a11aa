package faqbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.testing.ChildLines;
import faqbot.testing.Fixtures;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child process (SIGKILL) while it writes, again and again, and checks that nothing
 * acknowledged is lost and that a record cut off in the middle (a torn tail) is skipped. A killed
 * process leaves what it wrote in the operating system's page cache, so this tests the torn tails
 * of a process crash, not the loss of writes that were never forced to the device: FileJournalTest
 * does that, on a channel that forgets what was not forced.
 */
class JournalTornTailIT {
  private static final int KILLS = 20;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedRecordSurvivesKillMinusNine() throws Exception {
    Path file = dir.resolve("journal.jsonl");
    Set<String> acknowledged = new HashSet<>();
    Random random = new Random(20261127);
    for (int run = 1; run <= KILLS; run++) {
      Process child =
          new ProcessBuilder(
                  Fixtures.javaBinary(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  JournalWriterMain.class.getName(),
                  file.toString(),
                  Integer.toString(run))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      ChildLines acks = ChildLines.of(child);
      // Let it get going, then kill it at a random moment of its writing.
      long deadline = System.currentTimeMillis() + 20_000;
      while (acks.size() == 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(5);
      }
      Thread.sleep(random.nextInt(300));
      child.destroyForcibly();
      assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
      acks.awaitEnd();
      assertThat(acks.lines()).as("run %d wrote nothing", run).isNotEmpty();
      for (String ack : acks.lines()) {
        if (ack.startsWith("ack ")) {
          acknowledged.add("run " + run + " record " + ack.substring(4));
        }
      }
      FileJournal.Contents contents = FileJournal.read(file);
      assertThat(contents.badLines()).as("run %d", run).isEmpty();
      Set<String> kept = new HashSet<>();
      contents.records().forEach(r -> kept.add(r.question()));
      assertThat(kept).as("after run %d", run).containsAll(acknowledged);
    }
    // After all the crashes the journal still opens, takes records, and reads whole.
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.declined("after the crashes", "test"));
    }
    FileJournal.Contents last = FileJournal.read(file);
    assertThat(last.tornTail()).isFalse();
    assertThat(last.badLines()).isEmpty();
    assertThat(last.records().get(last.records().size() - 1).question())
        .isEqualTo("after the crashes");
    assertThat(acknowledged).hasSizeGreaterThan(KILLS);
  }
}
