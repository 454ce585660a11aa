package faqbot.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import faqbot.corpus.Block;
import faqbot.corpus.Corpus;
import faqbot.corpus.FaqEntry;
import faqbot.index.IndexView;
import faqbot.index.SemanticScores;
import faqbot.index.Suggestion;
import faqbot.index.WordMatches;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fusion of the two scores and the order it gives, on fixed scores (no index, no model). */
class RankerTest {
  private final Ranker ranker = new Ranker(Calibration.DEFAULT);

  private static FaqEntry entry(String id, String question) {
    return new FaqEntry(
        id,
        question,
        List.of(),
        List.of(),
        null,
        List.of(new Block(Block.Kind.PARAGRAPH, "An answer.", List.of())),
        List.of(),
        "",
        List.of(),
        id + ".jsonl");
  }

  /**
   * A view over fixed scores: BM25 by entry, and each entry's closest and second closest cosine.
   */
  private static IndexView view(Corpus corpus, float[] keyword, float[] best, float[] second) {
    return view(corpus, keyword, new SemanticScores(best, second));
  }

  /**
   * A view over fixed scores: BM25 by entry, and each model's closest and second closest cosines by
   * entry.
   */
  private static IndexView view(Corpus corpus, float[] keyword, SemanticScores meaning) {
    return new IndexView() {
      @Override
      public Corpus corpus() {
        return corpus;
      }

      @Override
      public float[] keywordScores(String text, int depth) {
        return keyword.clone();
      }

      @Override
      public WordMatches words(String text) {
        return new WordMatches(
            List.of(), new int[0], new long[corpus.size()], new long[corpus.size()], corpus.size());
      }

      @Override
      public List<String> terms(String text) {
        return List.of();
      }

      @Override
      public boolean hasVectors() {
        return true;
      }

      @Override
      public SemanticScores semanticScores(float[] queryVector) {
        return meaning;
      }

      @Override
      public List<Suggestion> suggest(String typed, int limit) {
        return List.of();
      }

      @Override
      public long version() {
        return 1;
      }

      @Override
      public String model() {
        return "fixed";
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Two answers to "How do I reset my password?" (a dataset that keeps each answer as an entry),
   * and one other.
   */
  private static Corpus twoAnswersToOneQuestion() {
    return Corpus.of(
        List.of(
            entry("reset-1", "How do I reset my password?"),
            entry("email", "How do I change my email address?"),
            entry("reset-2", "How do I reset my password?")),
        List.of(),
        true);
  }

  private List<String> order(IndexView view, boolean withVectors) {
    return ranker.rank(view, "a message", withVectors ? new float[] {1f} : null, Scope.ALL).stream()
        .map(c -> c.entry().id())
        .toList();
  }

  @Test
  void ranksTheAnswersToOneQuestionTogetherAtTheBestOfThem() {
    Corpus corpus = twoAnswersToOneQuestion();
    float[] none = {0f, 0f, 0f};
    float[] cosines = {0.90f, 0.80f, 0.50f};
    IndexView view = view(corpus, none, cosines, new float[] {-1f, -1f, -1f});

    assertThat(order(view, true)).containsExactly("reset-1", "reset-2", "email");
    // The second answer keeps its own score and confidence; only its place moves.
    List<Candidate> ranked = ranker.rank(view, "a message", new float[] {1f}, Scope.ALL);
    assertThat(ranked.get(1).score()).isLessThan(ranked.get(2).score());
  }

  @Test
  void keywordOnlyRankingStaysPlainBm25() {
    Corpus corpus = twoAnswersToOneQuestion();
    float[] keyword = {3f, 2f, 1f};
    float[] none = {0f, 0f, 0f};
    assertThat(order(view(corpus, keyword, none, none), false))
        .containsExactly("reset-1", "email", "reset-2");
  }

  @Test
  void ranksByTheTwoClosestVectorsButReportsTheClosestCosine() {
    Corpus corpus =
        Corpus.of(List.of(entry("a", "What is A?"), entry("b", "What is B?")), List.of());
    float[] none = {0f, 0f};
    // "a" has the closest single vector; "b" has two texts close to the message: (0.78 + 0.3 ×
    // 0.76) / 1.3 beats
    // (0.80 + 0.3 × 0.60) / 1.3.
    List<Candidate> ranked =
        ranker.rank(
            view(corpus, none, new float[] {0.80f, 0.78f}, new float[] {0.60f, 0.76f}),
            "a message",
            new float[] {1f},
            Scope.ALL);
    assertThat(ranked).extracting(c -> c.entry().id()).containsExactly("b", "a");
    assertThat(ranked.get(0).semantic()).isCloseTo(0.78, within(1e-6));
  }

  @Test
  void blendsTheSecondClosestCosineAtThreeTenths() {
    SemanticScores.ModelScores meaning =
        new SemanticScores.ModelScores(new float[] {0.9f, 0.7f}, new float[] {0.5f, -1f});
    assertThat(Ranker.support(meaning)[0]).isCloseTo((0.9f + 0.3f * 0.5f) / 1.3f, within(1e-6f));
    assertThat(Ranker.support(meaning)[1]).isEqualTo(0.7f); // one vector: its cosine alone
  }

  @Test
  void weighsTheSecondModelAboveTheFirstAndGivesTheConfidenceTheirWeighedCosine() {
    Corpus corpus =
        Corpus.of(
            List.of(
                entry("a", "Question a?"), entry("b", "Question b?"), entry("c", "Question c?")),
            List.of(),
            true);
    float[] none = {-1f, -1f, -1f};
    // Scaled over the corpus: the first model says a 1, b 0.75, c 0; the second a 0.5, b 1, c 0.
    SemanticScores twoModels =
        new SemanticScores(
            List.of(
                new SemanticScores.ModelScores(new float[] {0.9f, 0.8f, 0.5f}, none),
                new SemanticScores.ModelScores(new float[] {0.6f, 0.7f, 0.5f}, none)));
    IndexView view = view(corpus, new float[3], twoModels);

    List<Candidate> ranked = ranker.rank(view, "a message", new float[] {1f}, Scope.ALL);

    // b: 0.4 * 0.75 + 0.6 * 1 = 0.90 against a: 0.4 * 1 + 0.6 * 0.5 = 0.70 (with the first model
    // alone, a leads).
    assertThat(ranked).extracting(c -> c.entry().id()).containsExactly("b", "a", "c");
    // The confidence reads the cosines weighed alike, unscaled: 0.4 * 0.8 + 0.6 * 0.7.
    assertThat(ranked.get(0).semantic()).isCloseTo(0.74, within(1e-6));
    assertThat(order(view(corpus, new float[3], new float[] {0.9f, 0.8f, 0.5f}, none), true))
        .containsExactly("a", "b", "c");
  }

  @Test
  void aHiddenEntryIsAsIfTheCorpusLackedIt() {
    Corpus corpus =
        Corpus.of(
            List.of(
                entry("a", "Question a?"), entry("b", "Question b?"), entry("c", "Question c?")),
            List.of());
    float[] none = {-1f, -1f, -1f};
    IndexView view = view(corpus, new float[3], new float[] {0.9f, 0.8f, 0.5f}, none);

    List<Candidate> all = ranker.rank(view, "a message", new float[] {1f}, Scope.ALL);
    List<Candidate> withoutA =
        ranker.rank(view, "a message", new float[] {1f}, Scope.without(List.of("a")));

    assertThat(all.get(1).evidence().cosineLead()).as("b trails a").isCloseTo(-0.1, within(1e-6));
    assertThat(withoutA).extracting(c -> c.entry().id()).containsExactly("b", "c");
    // With a gone, b leads c: its evidence is what it would be in a corpus without a.
    assertThat(withoutA.get(0).evidence().cosineLead()).isCloseTo(0.3, within(1e-6));
    assertThat(withoutA.get(0).confidence()).isGreaterThan(all.get(1).confidence());
  }

  @Test
  void anEntryWithoutTheTagsStillCountsAsEvidenceButIsNeverOffered() {
    Corpus corpus =
        Corpus.of(
            List.of(entry("a", "Question a?"), tagged("b", "Question b?", "topic")), List.of());
    float[] none = {-1f, -1f};
    IndexView view = view(corpus, new float[2], new float[] {0.9f, 0.8f}, none);

    List<Candidate> ranked =
        ranker.rank(view, "a message", new float[] {1f}, Scope.tagged(List.of("topic")));

    assertThat(ranked).extracting(c -> c.entry().id()).containsExactly("b");
    // a, closer to the message, is still there to weigh against: b trails it.
    assertThat(ranked.get(0).evidence().cosineLead()).isCloseTo(-0.1, within(1e-6));
  }

  private static FaqEntry tagged(String id, String question, String tag) {
    return new FaqEntry(
        id,
        question,
        List.of(),
        List.of(tag),
        null,
        List.of(new Block(Block.Kind.PARAGRAPH, "An answer.", List.of())),
        List.of(),
        "",
        List.of(),
        id + ".jsonl");
  }
}
