package faqbot.app;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.answer.SmallTalk;
import faqbot.corpus.CorpusSource;
import faqbot.feedback.Journal;
import faqbot.http.HttpOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server serves the corpus as it was chosen: an export's rows of the statuses asked for. */
class ServiceStatusIT {
  @TempDir Path dir;

  private static String row(String id, String title, String status) {
    return "{\"ui_id\": \""
        + id
        + "\", \"title\": \""
        + title
        + "\", \"status\": \""
        + status
        + "\", \"answer_markdown\": \"An answer to "
        + title
        + " that is long enough to read.\"}";
  }

  private int served(List<String> statuses, String index) throws Exception {
    Path export = dir.resolve("export.jsonl");
    Files.writeString(
        export,
        String.join(
            "\n",
            row("0001", "What is a live question?", "Live on site"),
            row("0002", "What is a draft question?", "In review"),
            ""),
        StandardCharsets.UTF_8);
    try (Service service =
        Service.of(
            new Service.Settings(
                new CorpusSource(export, statuses),
                dir.resolve(index),
                false,
                SmallTalk.standard(),
                false,
                Journal.NONE,
                HttpOptions.defaults()))) {
      return service.start("127.0.0.1", 0, r -> {}, p -> {}).answerer().size();
    }
  }

  @Test
  void anExportsOtherStatusesAreServedWhenAsked() throws Exception {
    assertThat(served(CorpusSource.LIVE, "live")).isEqualTo(1);
    assertThat(served(List.of("all"), "all")).isEqualTo(2);
  }
}
