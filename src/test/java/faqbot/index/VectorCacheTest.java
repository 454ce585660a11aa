package faqbot.index;

import static org.assertj.core.api.Assertions.assertThat;

import faqbot.corpus.Block;
import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.embed.SentenceEncoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a cold build embeds, and how: each distinct text once, the longest first, with progress. */
class VectorCacheTest {

  private static String words(String word, int n) {
    return String.join(" ", Collections.nCopies(n, word)) + ".";
  }

  private static FaqEntry entry(String id, String question, String... paragraphs) {
    List<Block> blocks = new ArrayList<>();
    for (String p : paragraphs) {
      blocks.add(new Block(Block.Kind.PARAGRAPH, p, List.of()));
    }
    return new FaqEntry(
        id, question, List.of(), List.of(), null, blocks, List.of(), "", List.of(), id);
  }

  @Test
  void aShortAnswersFullTextIsTheQuestionWithTheWholeAnswer() {
    FaqEntry entry = entry("a", "What is a cat?", "A cat is a small animal.");
    List<VectorText> texts = VectorText.allOf(Corpus.of(List.of(entry), List.of()), "m");
    assertThat(texts)
        .filteredOn(t -> t.role().equals(Fields.ROLE_FULL))
        .singleElement()
        .extracting(VectorText::text)
        .isEqualTo("What is a cat?\n\nA cat is a small animal.");
  }

  @Test
  void aLongAnswersFullTextIsTheQuestionWithTheOpeningPassagesThatFit() {
    FaqEntry entry =
        entry(
            "a",
            "What is a cat?",
            words("one", 100),
            words("two", 100),
            words("three", 100),
            words("four", 100));
    List<VectorText> texts = VectorText.allOf(Corpus.of(List.of(entry), List.of()), "m");
    List<String> passages =
        texts.stream()
            .filter(t -> t.role().equals(Fields.ROLE_PASSAGE))
            .map(VectorText::text)
            .toList();
    assertThat(passages).hasSize(4);
    assertThat(texts)
        .filteredOn(t -> t.role().equals(Fields.ROLE_FULL))
        .singleElement()
        .extracting(VectorText::text)
        .isEqualTo("What is a cat?\n\n" + passages.get(0) + "\n" + passages.get(1));
  }

  @Test
  void aLongAnswersFullTextHasItsFirstPassageHoweverLong() {
    FaqEntry entry = entry("a", "What is a cat?", words("one", 150), words("two", 150));
    List<VectorText> texts = VectorText.allOf(Corpus.of(List.of(entry), List.of()), "m");
    assertThat(texts)
        .filteredOn(t -> t.role().equals(Fields.ROLE_FULL))
        .singleElement()
        .extracting(VectorText::text)
        .isEqualTo("What is a cat?\n\n" + words("one", 150));
  }

  @Test
  void embedsEachDistinctTextOnceTheLongestFirstAndSaysHowFarItHasGot() throws IOException {
    // The opening paragraph is both the lead and the first passage: one text, two vectors.
    FaqEntry entry =
        entry("a", "What is a cat?", words("one", 45), words("two", 50), words("three", 100));
    List<VectorText> texts = VectorText.allOf(Corpus.of(List.of(entry), List.of()), "m");
    assertThat(texts.stream().map(VectorText::key).distinct().count()).isLessThan(texts.size());
    List<String> order = Collections.synchronizedList(new ArrayList<>());
    FakeEncoder fake = new FakeEncoder();
    SentenceEncoder encoder =
        new SentenceEncoder() {
          @Override
          public String modelId() {
            return fake.modelId();
          }

          @Override
          public int dimension() {
            return fake.dimension();
          }

          @Override
          public float[] embed(String text) {
            order.add(text);
            return fake.embed(text);
          }
        };
    List<int[]> progress = new ArrayList<>();
    VectorCache.Embedded embedded =
        VectorCache.empty()
            .vectorsOf(texts, encoder, (done, total) -> progress.add(new int[] {done, total}));

    int distinct = (int) texts.stream().map(VectorText::key).distinct().count();
    assertThat(fake.embedded()).isEqualTo(distinct);
    assertThat(embedded.computed()).isEqualTo(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(embedded.vectors().get(i))
          .as(texts.get(i).role())
          .containsExactly(new FakeEncoder().embed(texts.get(i).text()));
    }
    // Each of the pool's threads takes one of the longest texts first.
    int threads = Math.min(Runtime.getRuntime().availableProcessors(), distinct);
    List<Integer> longest =
        texts.stream()
            .map(t -> t.text().length())
            .distinct()
            .sorted(Comparator.reverseOrder())
            .toList();
    assertThat(order.get(0).length()).isGreaterThanOrEqualTo(longest.get(threads - 1));
    assertThat(progress).hasSize(distinct + 1);
    assertThat(progress.get(0)).containsExactly(0, distinct);
    for (int i = 0; i < progress.size(); i++) {
      assertThat(progress.get(i)).containsExactly(i, distinct);
    }
  }

  @Test
  void tellsNoProgressWhenThereIsNothingToEmbed() throws IOException {
    List<int[]> progress = new ArrayList<>();
    VectorCache.Embedded embedded =
        VectorCache.empty()
            .vectorsOf(List.of(), new FakeEncoder(), (d, t) -> progress.add(new int[] {d, t}));
    assertThat(embedded.computed()).isZero();
    assertThat(progress).isEmpty();
  }
}
