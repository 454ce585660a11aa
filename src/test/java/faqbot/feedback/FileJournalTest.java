package faqbot.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJournalTest {
  @TempDir Path dir;

  @Test
  void appendsRecordsThatReadBack() throws IOException {
    Path file = dir.resolve("sub/journal.jsonl");
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.feedback("What is X?", "x", true, "widget"));
      journal.append(FeedbackRecord.declined("banana bread", "api"));
    }
    FileJournal.Contents contents = FileJournal.read(file);
    assertThat(contents.tornTail()).isFalse();
    assertThat(contents.records())
        .extracting(FeedbackRecord::type)
        .containsExactly("feedback", "declined");
    assertThat(contents.records().get(0).helpful()).isTrue();
    assertThat(Files.readString(file)).doesNotContain("\"helpful\":null");
  }

  @Test
  void skipsATornTailWhenReadingAndCutsItWhenReopening() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.declined("first", "api"));
    }
    Files.writeString(
        file,
        "{\"type\":\"declined\",\"question\":\"tor",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    FileJournal.Contents torn = FileJournal.read(file);
    assertThat(torn.tornTail()).isTrue();
    assertThat(torn.records()).extracting(FeedbackRecord::question).containsExactly("first");

    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.declined("second", "api"));
    }
    FileJournal.Contents repaired = FileJournal.read(file);
    assertThat(repaired.tornTail()).isFalse();
    assertThat(repaired.badLines()).isEmpty();
    assertThat(repaired.records())
        .extracting(FeedbackRecord::question)
        .containsExactly("first", "second");
  }

  @Test
  void reportsButSkipsADamagedLineInTheMiddle() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    Files.writeString(
        file,
        "{\"type\":\"declined\",\"question\":\"a\"}\nnot json\n{\"type\":\"declined\",\"question\":\"b\"}\n");
    FileJournal.Contents contents = FileJournal.read(file);
    assertThat(contents.badLines()).containsExactly(2);
    assertThat(contents.records()).hasSize(2);
  }

  @Test
  void boundsVeryLongQuestions() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.declined("q".repeat(50_000), "api"));
    }
    assertThat(FileJournal.read(file).records().get(0).question())
        .hasSize(FileJournal.MAX_QUESTION_CHARS);
  }

  @Test
  void aLongQuestionCutInsideAnEmojiLeavesItOutWhole() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    String kept = "q".repeat(FileJournal.MAX_QUESTION_CHARS - 1);
    try (FileJournal journal = FileJournal.open(file)) {
      journal.append(FeedbackRecord.declined(kept + "\uD83D\uDE00 and more", "api"));
    }
    assertThat(FileJournal.read(file).records().get(0).question()).isEqualTo(kept);
  }

  /**
   * What was acknowledged survives a power cut: every {@code append} is forced to the device before
   * it returns (a write path that skipped the force fails this), while notes, which nobody waits
   * for, may be lost.
   */
  @Test
  void everyAcknowledgedRecordSurvivesAPowerCut() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    ForgetfulChannel disk = new ForgetfulChannel(new byte[0]);
    try (FileJournal journal = FileJournal.open(file, disk)) {
      for (int i = 0; i < 5; i++) {
        journal.append(
            FeedbackRecord.feedback("question " + i, "entry-" + i, i % 2 == 0, QuestionLog.WEB));
        journal.note(FeedbackRecord.declined("unanswered " + i, QuestionLog.WEB));
      }
      journal.note(FeedbackRecord.declined("the last note, never forced", QuestionLog.WEB));
    }
    Files.write(file, disk.afterPowerCut());
    FileJournal.Contents survived = FileJournal.read(file);
    assertThat(survived.records())
        .filteredOn(r -> r.type().equals(FeedbackRecord.FEEDBACK))
        .extracting(FeedbackRecord::question)
        .containsExactly("question 0", "question 1", "question 2", "question 3", "question 4");
    assertThat(survived.records())
        .extracting(FeedbackRecord::question)
        .doesNotContain("the last note, never forced");
    assertThat(survived.tornTail()).isFalse();
  }
}
