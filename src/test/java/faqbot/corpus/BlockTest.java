package faqbot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class BlockTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anEntryStoredBeforeBlocksHadRunsReadsBackWithRunsFromItsMarks() throws Exception {
    // The JSON an index built by the previous release holds for an entry.
    String stored =
        "{\"id\":\"x\",\"question\":\"Q?\",\"alternates\":[],\"tags\":[],\"video\":null,"
            + "\"blocks\":[{\"kind\":\"PARAGRAPH\",\"text\":\"See <u>this</u>.\",\"items\":[]},"
            + "{\"kind\":\"BULLETS\",\"text\":null,\"items\":[\"<u>a</u>\",\"b\"]}],"
            + "\"related\":[{\"question\":\"R?\",\"line\":3}],\"editorsText\":\"\","
            + "\"sources\":[],\"file\":\"x.txt\"}";
    FaqEntry entry = JSON.readValue(stored, FaqEntry.class);
    assertThat(entry.blocks().get(0).spans())
        .containsExactly(Span.text("See "), new Span(Span.Kind.MARK, "this", null), Span.text("."));
    assertThat(entry.blocks().get(1).itemSpans().get(0))
        .containsExactly(new Span(Span.Kind.MARK, "a", null));
    assertThat(entry.related().get(0).id()).isNull();
    assertThat(entry.videoUrl()).isNull();
  }

  @Test
  void anEntryWithRunsSurvivesTheIndexsRoundTrip() throws Exception {
    FaqEntry entry =
        Corpora.load(
                Files.writeString(
                    Files.createTempFile("faq", ".csv"),
                    "question,answer\nQ?,\"A *b* [c](https://c.example).\"\n"))
            .entries()
            .get(0);
    FaqEntry back = JSON.readValue(JSON.writeValueAsBytes(entry), FaqEntry.class);
    assertThat(back).isEqualTo(entry);
  }
}
