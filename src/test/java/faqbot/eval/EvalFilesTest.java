package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalFilesTest {
  @TempDir Path dir;

  @Test
  void readsTheFirstColumnAsIdAndTheLastAsText() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("q.tsv"), "id\tthread\ttext\nq1\tt1\tHello there\n\nq2\tt1\tSecond\n");
    assertThat(EvalFiles.queries(file))
        .containsExactly(new Query("q1", "Hello there"), new Query("q2", "Second"));
  }

  @Test
  void namesTheFileAndLineOfABadQuery() throws IOException {
    Path file = Files.writeString(dir.resolve("q.tsv"), "id\ttext\nq1\tok\nq1\tagain\n");
    assertThatThrownBy(() -> EvalFiles.queries(file))
        .hasMessage(file + ":3: query id 'q1' appears twice");
  }

  @Test
  void readsQrelsAndKeepsOnlyPositiveGrades() throws IOException {
    Path file = Files.writeString(dir.resolve("qrels"), "q1 0 d1 1\nq1 0 d2 0\nq2 0 d3 2\n");
    assertThat(EvalFiles.qrels(file)).containsOnlyKeys("q1", "q2");
    assertThat(EvalFiles.qrels(file).get("q1")).containsOnlyKeys("d1");
    assertThat(EvalFiles.qrels(file).get("q2")).containsEntry("d3", 2);
  }

  @Test
  void namesTheFileAndLineOfABadJudgment() throws IOException {
    Path file = Files.writeString(dir.resolve("qrels"), "q1 0 d1 1\nq2 d3 1\n");
    assertThatThrownBy(() -> EvalFiles.qrels(file)).hasMessageStartingWith(file + ":2: expected");
  }
}
