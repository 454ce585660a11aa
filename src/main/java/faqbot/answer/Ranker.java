package faqbot.answer;

import faqbot.corpus.FaqEntry;
import faqbot.index.IndexView;
import faqbot.index.SemanticScores;
import faqbot.index.WordMatches;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the entries for a message by fusing meaning (sentence-vector cosines) with words (BM25),
 * and gathers for each the evidence its confidence is computed from.
 *
 * <p>Meaning is each entry's support by each sentence model: its two closest vectors blended, so
 * that an entry two of whose own texts come close to the message counts for a little more than one
 * that a single sentence brings close (a passage that mentions the idea in passing). Each model's
 * support is scaled to 0..1 over the entries and the models are weighed together. Meaning and words
 * (BM25, scaled to 0..1 too) are then mixed. The weight of the words grows with how clearly BM25
 * singles out one entry: a rare word the message shares with only one answer ("CoinRun",
 * "SmartVault") is strong evidence that a small sentence model blurs, while words spread thinly
 * over many entries are not. Entries that answer the same question rank together. Only the entries
 * a {@link Scope} admits take part, as if the others did not exist. Measured on three corpora in
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
   * docs/quality.md against the closest alone: MAP +0.0013 on StackFAQ, +0.003 on CovidFAQ, +0.018
   * on the bundled set. Heavier blends gained more on the bundled set but moved an entry asked by
   * its own question, word for word, off first place when its answer reads unlike the question.
   */
  static final double SECOND_WEIGHT = 0.3;

  /**
   * The weight of each sentence model's support, in the order of the encoder's slices (bge-small,
   * e5-small), each scaled to 0..1 first because e5's cosines crowd into a narrower band than
   * bge's. Measured in docs/quality.md: the two at 0.4 / 0.6 beat either alone on all three
   * corpora; 0.3 to 0.5 for bge gave nearly the same.
   */
  static final double[] PAIR_WEIGHTS = {0.4, 0.6};

  private final Calibration calibration;

  Ranker(Calibration calibration) {
    this.calibration = calibration;
  }

  /**
   * All entries the scope admits with any evidence, best first. {@code queryVector} is null for
   * keywords only.
   */
  List<Candidate> rank(IndexView view, String message, float[] queryVector, Scope scope) {
    return rank(view, message, queryVector, scope, MessageCues.of(message));
  }

  /**
   * The same, with the cues read from the message as the person wrote it ({@code message} may have
   * had its spelling corrected since).
   */
  List<Candidate> rank(
      IndexView view, String message, float[] queryVector, Scope scope, MessageCues cues) {
    List<FaqEntry> entries = view.entries();
    int n = entries.size();
    // Hidden entries are as if the corpus lacked them; entries without the scope's tags are there
    // (every figure of
    // evidence counts them: a question another topic answers better is not this topic's to answer),
    // but never offered.
    boolean[] visible = present(entries, scope);
    boolean[] offered = offered(entries, scope, visible);
    float[] keyword = view.keywordScores(message, KEYWORD_DEPTH);
    SemanticScores meaning =
        queryVector != null && view.hasVectors() ? view.semanticScores(queryVector) : null;
    for (int i = 0; i < n; i++) {
      if (!visible[i]) {
        keyword[i] = 0;
      }
    }
    double[] semantic = meaning == null ? null : closest(meaning);
    double keywordLead = lead(keyword);
    double weight = semantic == null ? 1 : KEYWORD_BASE + KEYWORD_LEAD * keywordLead;
    double[] kw = scaled(keyword, 0, visible);
    double[] sem = meaning == null ? new double[n] : meaning(meaning, visible);
    double[] score = new double[n];
    // Entries that answer one question (datasets that keep each answer of a thread as an entry)
    // stand or fall
    // together: they rank at the best score among them, each keeping its own score for the order
    // among them.
    // Keyword-only ranking stays plain BM25, the baseline it is there to be.
    int[] question = new int[n];
    double[] questionBest = new double[n];
    Arrays.fill(questionBest, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      if (!visible[i]) {
        continue;
      }
      score[i] = (1 - weight) * sem[i] + weight * kw[i];
      question[i] = semantic == null ? i : view.corpus().firstWithSameQuestion(i);
      questionBest[question[i]] = Math.max(questionBest[question[i]], score[i]);
    }
    List<Integer> order = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      if (offered[i] && (semantic != null || keyword[i] > 0)) {
        order.add(i);
      }
    }
    order.sort(
        Comparator.<Integer>comparingDouble(i -> -questionBest[question[i]])
            .thenComparingDouble(i -> -score[i])
            .thenComparing(i -> entries.get(i).id()));
    Words words = semantic == null ? null : new Words(view, message, cues, visible);
    TopTwo bestTwo = semantic == null ? null : TopTwo.of(semantic, visible, -1);
    List<Candidate> ranked = new ArrayList<>(order.size());
    for (int i : order) {
      Evidence evidence = null;
      if (semantic != null) {
        evidence =
            words.evidence(
                i, semantic[i], semantic[i] - bestTwo.bestOther(semantic[i]), keywordLead);
      }
      ranked.add(
          new Candidate(
              entries.get(i),
              score[i],
              semantic == null ? -1 : semantic[i],
              keyword[i],
              0,
              evidence));
    }
    return calibration.apply(ranked);
  }

  private static boolean[] present(List<FaqEntry> entries, Scope scope) {
    boolean[] present = new boolean[entries.size()];
    for (int i = 0; i < present.length; i++) {
      present[i] = !scope.hidden().contains(entries.get(i).id());
    }
    return present;
  }

  private static boolean[] offered(List<FaqEntry> entries, Scope scope, boolean[] present) {
    boolean[] offered = new boolean[entries.size()];
    for (int i = 0; i < offered.length; i++) {
      offered[i] = present[i] && (scope.isAll() || scope.admits(entries.get(i)));
    }
    return offered;
  }

  /**
   * The words of a message against the visible entries: which each entry uses, and how rare each is
   * among them.
   */
  private static final class Words {
    private final WordMatches matches;
    private final double[] weight;
    private final double weightSum;
    private final double unknownWeight;
    private final double noEntryWeight;
    private final long nameMask;
    private final boolean nameWithoutWords;
    private final MessageCues cues;

    Words(IndexView view, String message, MessageCues cues, boolean[] visible) {
      this.cues = cues;
      String withNames =
          cues.names().isEmpty() ? message : message + " " + String.join(" ", cues.names());
      matches = view.words(withNames);
      int terms = matches.terms().size();
      int[] entriesWith = new int[terms];
      int entries = 0;
      for (int i = 0; i < visible.length; i++) {
        if (!visible[i]) {
          continue;
        }
        entries++;
        long mask = matches.anywhere()[i];
        for (int t = 0; t < terms; t++) {
          if ((mask & (1L << t)) != 0) {
            entriesWith[t]++;
          }
        }
      }
      weight = new double[terms];
      double sum = 0;
      double unknown = 0;
      for (int t = 0; t < terms; t++) {
        weight[t] = idf(entriesWith[t], entries);
        sum += weight[t];
        if (entriesWith[t] == 0) {
          unknown += weight[t];
        }
      }
      weightSum = sum;
      unknownWeight = unknown;
      noEntryWeight = idf(0, entries);
      long names = 0;
      boolean unanalyzable = false;
      for (String name : cues.names()) {
        List<String> analyzed = view.terms(name);
        if (analyzed.isEmpty()) {
          continue;
        }
        int t = matches.terms().indexOf(analyzed.get(0));
        if (t < 0) {
          unanalyzable = true;
        } else {
          names |= 1L << t;
        }
      }
      nameMask = names;
      nameWithoutWords = unanalyzable;
    }

    Evidence evidence(int entry, double cosine, double cosineLead, double keywordLead) {
      long anywhere = matches.anywhere()[entry];
      long inQuestion = matches.inQuestion()[entry];
      double coverage = 1;
      double questionCoverage = 1;
      double maxUncovered = 0;
      double unknownShare = 0;
      if (weightSum > 0) {
        double covered = 0;
        double coveredInQuestion = 0;
        for (int t = 0; t < weight.length; t++) {
          long bit = 1L << t;
          if ((anywhere & bit) != 0) {
            covered += weight[t];
          } else {
            maxUncovered = Math.max(maxUncovered, weight[t]);
          }
          if ((inQuestion & bit) != 0) {
            coveredInQuestion += weight[t];
          }
        }
        coverage = covered / weightSum;
        questionCoverage = coveredInQuestion / weightSum;
        maxUncovered /= noEntryWeight;
        unknownShare = unknownWeight / weightSum;
      }
      boolean uncoveredName = nameWithoutWords || (nameMask & ~anywhere) != 0;
      return new Evidence(
          cosine,
          cosineLead,
          keywordLead,
          coverage,
          questionCoverage,
          maxUncovered,
          unknownShare,
          uncoveredName ? 1 : 0,
          cues.specificAsk() ? 1 : 0,
          cues.comparison() ? 1 - questionCoverage : 0);
    }

    /** BM25's inverse document frequency over the visible entries. */
    private static double idf(int entriesWith, int entries) {
      return Math.log(1 + (entries - entriesWith + 0.5) / (entriesWith + 0.5));
    }
  }

  /**
   * Each entry's closest cosine by every model, weighed as in the ranking but not scaled: the
   * cosine the confidence is calibrated on, which means the same on any corpus.
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

  /**
   * Each entry's support from every model, each scaled to 0..1 over the visible entries, weighed
   * together.
   */
  static double[] meaning(SemanticScores meaning, boolean[] visible) {
    int models = meaning.models().size();
    double[] weights = weights(models);
    double[] sem = new double[meaning.best().length];
    for (int m = 0; m < models; m++) {
      double[] scaled = scaled(support(meaning.models().get(m)), Float.NaN, visible);
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

  /**
   * Each entry's closest cosine blended with its second closest, or the closest alone where it has
   * one vector.
   */
  static float[] support(SemanticScores.ModelScores meaning) {
    float[] best = meaning.best();
    float[] second = meaning.second();
    float[] support = new float[best.length];
    for (int i = 0; i < best.length; i++) {
      support[i] =
          second[i] > -1f
              ? (float) ((best[i] + SECOND_WEIGHT * second[i]) / (1 + SECOND_WEIGHT))
              : best[i];
    }
    return support;
  }

  /**
   * How far the best score stands above the second, as a fraction of the best; 0 when nothing
   * scored.
   */
  static double lead(float[] scores) {
    double[] values = new double[scores.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = scores[i];
    }
    return TopTwo.of(values, null, 0).lead();
  }

  /**
   * Scales scores to 0..1 by the visible entries' range. With {@code floor} a number, the range
   * starts there (BM25's natural zero); with NaN, at the lowest score (cosines have no natural
   * zero).
   */
  private static double[] scaled(float[] scores, float floor, boolean[] visible) {
    double lo = Double.isNaN(floor) ? Double.MAX_VALUE : floor;
    double hi = -Double.MAX_VALUE;
    for (int i = 0; i < scores.length; i++) {
      if (!visible[i]) {
        continue;
      }
      if (Double.isNaN(floor)) {
        lo = Math.min(lo, scores[i]);
      }
      hi = Math.max(hi, scores[i]);
    }
    double[] out = new double[scores.length];
    double range = hi - lo;
    if (range <= 0) {
      return out;
    }
    for (int i = 0; i < scores.length; i++) {
      out[i] = visible[i] ? (scores[i] - lo) / range : 0;
    }
    return out;
  }
}
