package faqbot.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class EnsembleEncoderTest {
  private static final float HALF = (float) (1 / Math.sqrt(2));

  /** A two-dimensional model that gives a fixed vector for questions and another for passages. */
  private static class FixedModel implements SentenceEncoder {
    private final String id;
    private final float[] query;
    private final float[] passage;
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    FixedModel(String id, float[] query, float[] passage) {
      this.id = id;
      this.query = query;
      this.passage = passage;
    }

    @Override
    public String modelId() {
      return id;
    }

    @Override
    public int dimension() {
      return 2;
    }

    @Override
    public float[] embed(String text) {
      return passage.clone();
    }

    @Override
    public float[] embedQuery(String text) {
      threads.add(Thread.currentThread().getName());
      if (text.equals("fail")) {
        throw new IllegalStateException(id + " cannot read this");
      }
      return query.clone();
    }
  }

  @Test
  void joinsEachModelsVectorIntoItsOwnScaledSlice() {
    FixedModel first = new FixedModel("a", new float[] {1, 0}, new float[] {0, 1});
    FixedModel second = new FixedModel("b", new float[] {0.6f, 0.8f}, new float[] {0.8f, 0.6f});
    try (EnsembleEncoder pair = new EnsembleEncoder(List.of(first, second))) {
      assertEquals("a+b", pair.modelId());
      assertEquals(4, pair.dimension());
      assertEquals(2, pair.parts());
      assertArrayEquals(
          new float[] {HALF, 0, 0.6f * HALF, 0.8f * HALF}, pair.embedQuery("q"), 1e-6f);
      assertArrayEquals(new float[] {0, HALF, 0.8f * HALF, 0.6f * HALF}, pair.embed("p"), 1e-6f);
      // Each slice's dot product, doubled, is that model's own cosine.
      float[] q = pair.embedQuery("q");
      float[] p = pair.embed("p");
      assertEquals(0f, 2 * (q[0] * p[0] + q[1] * p[1]), 1e-6f);
      assertEquals(0.96f, 2 * (q[2] * p[2] + q[3] * p[3]), 1e-6f);
    }
  }

  @Test
  void runsQuestionsOnTheModelPoolAndGivesTheSameVectorsFromManyThreads() throws Exception {
    FixedModel first = new FixedModel("a", new float[] {1, 0}, new float[] {0, 1});
    FixedModel second = new FixedModel("b", new float[] {0, 1}, new float[] {1, 0});
    ExecutorService askers = Executors.newFixedThreadPool(8);
    try (EnsembleEncoder pair = new EnsembleEncoder(List.of(first, second))) {
      float[] expected = {HALF, 0, 0, HALF};
      List<Future<float[]>> answers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        answers.add(askers.submit(() -> pair.embedQuery("q")));
      }
      for (Future<float[]> answer : answers) {
        assertArrayEquals(expected, answer.get(), 1e-6f);
      }
    } finally {
      askers.shutdownNow();
    }
    // Neither model ran on the asking threads: the pool, one thread per core, is what keeps the
    // cores busy.
    for (FixedModel model : List.of(first, second)) {
      for (String thread : model.threads) {
        assertEquals("faqbot-sentence-model", thread);
      }
    }
  }

  @Test
  void aModelsFailureReachesTheAskerAsItself() {
    FixedModel first = new FixedModel("a", new float[] {1, 0}, new float[] {0, 1});
    FixedModel second = new FixedModel("b", new float[] {0, 1}, new float[] {1, 0});
    try (EnsembleEncoder pair = new EnsembleEncoder(List.of(first, second))) {
      IllegalStateException e =
          assertThrows(IllegalStateException.class, () -> pair.embedQuery("fail"));
      assertEquals("a cannot read this", e.getMessage());
      // The pool survives a failed question.
      assertArrayEquals(new float[] {HALF, 0, 0, HALF}, pair.embedQuery("q"), 1e-6f);
    }
  }

  @Test
  void oneModelRunsOnTheAskingThread() {
    FixedModel only = new FixedModel("a", new float[] {0.6f, 0.8f}, new float[] {1, 0});
    try (EnsembleEncoder single = new EnsembleEncoder(List.of(only))) {
      assertArrayEquals(new float[] {0.6f, 0.8f}, single.embedQuery("q"), 1e-6f);
      assertSame(1, only.threads.size());
      assertNotEquals("faqbot-sentence-model", only.threads.iterator().next());
    }
  }

  @Test
  void refusesModelsOfDifferentDimensions() {
    SentenceEncoder wide =
        new FixedModel("a", new float[] {1, 0}, new float[] {0, 1}) {
          @Override
          public int dimension() {
            return 3;
          }
        };
    FixedModel narrow = new FixedModel("b", new float[] {1, 0}, new float[] {0, 1});
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new EnsembleEncoder(List.of(narrow, wide)));
    assertEquals(
        "the models of an ensemble must give single vectors of one dimension, a gives 1 of 3 "
            + "(expected 1 of 2)",
        e.getMessage());
  }
}
