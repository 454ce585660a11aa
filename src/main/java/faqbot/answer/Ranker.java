package faqbot.answer;

import faqbot.corpus.FaqEntry;
import faqbot.index.IndexView;
import faqbot.index.SemanticScores;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the entries for a message by fusing meaning (sentence-vector cosines) with words (BM25).
 *
 * <p>Meaning is each entry's support by each sentence model: its two closest vectors blended, so that an entry two
 * of whose own texts come close to the message counts for a little more than one that a single sentence brings
 * close (a passage that mentions the idea in passing). Each model's support is scaled to 0..1 over the corpus and
 * the models are weighed together; the confidence is computed afterwards from the entry's closest cosine by each
 * model, weighed alike but unscaled. Meaning and words (BM25, scaled to 0..1 too) are then mixed. The weight of
 * the words grows with how clearly BM25 singles out one entry: a rare word the message shares with only one answer
 * ("CoinRun", "SmartVault") is strong evidence that a small sentence model blurs, while words spread thinly over
 * many entries are not. Entries that answer the same question rank together. Measured on three corpora in
 * docs/quality.md.
 */
final class Ranker {
  /** The weight of the words when BM25 has no favourite. */
  static final double KEYWORD_BASE = 0.05;
  /** How much the weight grows with BM25's lead: (best - second) / best, from 0 to 1. */
  static final double KEYWORD_LEAD = 0.7;
  /** How many keyword hits to score; deeper ones add nothing after scaling. */
  static final int KEYWORD_DEPTH = 100;
  /**
   * The weight of an entry's second-closest vector beside its closest, in its support. Measured in
   * docs/quality.md against the closest alone: MAP +0.0013 on StackFAQ, +0.003 on CovidFAQ, +0.018 on the bundled
   * set. Heavier blends gained more on the bundled set but moved an entry asked by its own question, word for
   * word, off first place when its answer reads unlike the question.
   */
  static final double SECOND_WEIGHT = 0.3;
  /**
   * The weight of each sentence model's support, in the order of the encoder's slices (bge-small, e5-small), each
   * scaled to 0..1 first because e5's cosines crowd into a narrower band than bge's. Measured in docs/quality.md:
   * the two at 0.4 / 0.6 beat either alone on all three corpora; 0.3 to 0.5 for bge gave nearly the same.
   */
  static final double[] PAIR_WEIGHTS = {0.4, 0.6};

  private final Calibration calibration;

  Ranker(Calibration calibration) {
    this.calibration = calibration;
  }

  /** All entries with any evidence, best first. {@code queryVector} is null for keyword-only ranking. */
  List<Candidate> rank(IndexView view, String message, float[] queryVector) {
    List<FaqEntry> entries = view.entries();
    int n = entries.size();
    float[] keyword = view.keywordScores(message, KEYWORD_DEPTH);
    SemanticScores meaning = queryVector != null && view.hasVectors() ? view.semanticScores(queryVector) : null;
    double[] semantic = meaning == null ? null : closest(meaning);
    double keywordLead = lead(keyword);
    double weight = semantic == null ? 1 : KEYWORD_BASE + KEYWORD_LEAD * keywordLead;
    double[] kw = scaled(keyword, 0);
    double[] sem = meaning == null ? new double[n] : meaning(meaning);
    double[] score = new double[n];
    // Entries that answer one question (datasets that keep each answer of a thread as an entry) stand or fall
    // together: they rank at the best score among them, each keeping its own score for the order among them.
    // Keyword-only ranking stays plain BM25, the baseline it is there to be.
    int[] question = new int[n];
    double[] questionBest = new double[n];
    Arrays.fill(questionBest, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      score[i] = (1 - weight) * sem[i] + weight * kw[i];
      question[i] = semantic == null ? i : view.corpus().firstWithSameQuestion(i);
      questionBest[question[i]] = Math.max(questionBest[question[i]], score[i]);
    }
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (semantic != null || keyword[i] > 0) {
        order.add(i);
      }
    }
    order.sort(Comparator.<Integer>comparingDouble(i -> -questionBest[question[i]])
        .thenComparingDouble(i -> -score[i])
        .thenComparing(i -> entries.get(i).id()));
    List<Candidate> ranked = new ArrayList<>(n);
    for (int i : order) {
      ranked.add(new Candidate(entries.get(i), score[i], semantic == null ? -1 : semantic[i], keyword[i], 0));
    }
    return calibration.apply(ranked, keywordLead);
  }

  /**
   * Each entry's closest cosine by every model, weighed as in the ranking but not scaled: the cosine the confidence
   * is calibrated on, which means the same on any corpus.
   */
  static double[] closest(SemanticScores meaning) {
    double[] weights = weights(meaning.models().size());
    double[] closest = new double[meaning.best().length];
    for (int m = 0; m < weights.length; m++) {
      float[] best = meaning.models().get(m).best();
      for (int i = 0; i < closest.length; i++) {
        closest[i] += weights[m] * best[i];
      }
    }
    return closest;
  }

  /** Each entry's support from every model, each scaled to 0..1 over the corpus, weighed together. */
  static double[] meaning(SemanticScores meaning) {
    int models = meaning.models().size();
    double[] weights = weights(models);
    double[] sem = new double[meaning.best().length];
    for (int m = 0; m < models; m++) {
      double[] scaled = scaled(support(meaning.models().get(m)), Float.NaN);
      for (int i = 0; i < sem.length; i++) {
        sem[i] += weights[m] * scaled[i];
      }
    }
    return sem;
  }

  private static double[] weights(int models) {
    if (models == PAIR_WEIGHTS.length) {
      return PAIR_WEIGHTS;
    }
    double[] weights = new double[models];
    Arrays.fill(weights, 1.0 / models);
    return weights;
  }

  /** Each entry's closest cosine blended with its second closest, or the closest alone where it has one vector. */
  static float[] support(SemanticScores.ModelScores meaning) {
    float[] best = meaning.best();
    float[] second = meaning.second();
    float[] support = new float[best.length];
    for (int i = 0; i < best.length; i++) {
      support[i] = second[i] > -1f ? (float) ((best[i] + SECOND_WEIGHT * second[i]) / (1 + SECOND_WEIGHT)) : best[i];
    }
    return support;
  }

  /** How far the best score stands above the second, as a fraction of the best; 0 when nothing scored. */
  static double lead(float[] scores) {
    float best = 0;
    float second = 0;
    for (float s : scores) {
      if (s > best) {
        second = best;
        best = s;
      } else if (s > second) {
        second = s;
      }
    }
    return best > 0 ? (best - second) / best : 0;
  }

  /**
   * Scales scores to 0..1 by the corpus's range. With {@code floor} a number, the range starts there (BM25's
   * natural zero); with NaN, at the lowest score (cosines have no natural zero).
   */
  private static double[] scaled(float[] scores, float floor) {
    double lo = Double.isNaN(floor) ? Double.MAX_VALUE : floor;
    double hi = -Double.MAX_VALUE;
    for (float s : scores) {
      if (Double.isNaN(floor)) {
        lo = Math.min(lo, s);
      }
      hi = Math.max(hi, s);
    }
    double[] out = new double[scores.length];
    double range = hi - lo;
    if (range <= 0) {
      return out;
    }
    for (int i = 0; i < scores.length; i++) {
      out[i] = (scores[i] - lo) / range;
    }
    return out;
  }
}
