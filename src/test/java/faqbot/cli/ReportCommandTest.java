package faqbot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faqbot.feedback.FeedbackRecord;
import faqbot.feedback.FileJournal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path dir;

  @Test
  void mergesReplicaJournalsAndRanksWhatEditorsShouldLookAt() throws Exception {
    try (FileJournal a = FileJournal.open(dir.resolve("replica-a.jsonl"));
        FileJournal b = FileJournal.open(dir.resolve("replica-b.jsonl"))) {
      a.append(FeedbackRecord.declined("How do I bake bread?", "chat"));
      b.append(FeedbackRecord.declined("how do i bake  bread", "chat"));
      a.append(FeedbackRecord.declined("Who founded OpenAI?", "chat"));
      a.append(FeedbackRecord.feedback("what is x", "what-is-x", false, "widget"));
      b.append(FeedbackRecord.feedback("x?", "what-is-x", false, "slack"));
      b.append(FeedbackRecord.feedback("y?", "what-is-y", true, "widget"));
      b.append(FeedbackRecord.feedback("y!", "what-is-y", false, "widget"));
    }
    Files.writeString(
        dir.resolve("replica-b.jsonl"),
        "{\"type\":\"decl",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", "--json", dir.toString()},
            new PrintWriter(out),
            new PrintWriter(err));
    assertThat(code).isZero();
    JsonNode summary = new ObjectMapper().readTree(out.toString());
    assertThat(summary.get("records").asInt()).isEqualTo(7);
    assertThat(summary.get("declined").asInt()).isEqualTo(3);
    assertThat(summary.at("/unanswered/0/question").asText()).isEqualTo("How do I bake bread?");
    assertThat(summary.at("/unanswered/0/times").asInt()).isEqualTo(2);
    assertThat(summary.at("/unhelpful/0/answerId").asText()).isEqualTo("what-is-x");
    assertThat(summary.at("/unhelpful/0/unhelpful").asInt()).isEqualTo(2);
    assertThat(summary.at("/unhelpful/1/answerId").asText()).isEqualTo("what-is-y");
    assertThat(err.toString()).contains("replica-b.jsonl: warning: ends in a partial record");
  }

  @Test
  void namesAJournalThatIsNotThere() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new String[] {"report", dir.resolve("nope.jsonl").toString()},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertThat(code).isEqualTo(Main.FAILURE);
    assertThat(err.toString()).contains("no journal at").doesNotContain("Exception");
  }
}
