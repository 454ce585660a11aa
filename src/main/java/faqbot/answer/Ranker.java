package faqbot.answer;

import faqbot.corpus.FaqEntry;
import faqbot.index.IndexView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the entries for a message by fusing meaning (sentence-vector cosine) with words (BM25).
 *
 * <p>Each score is min-max scaled over the corpus, then mixed with a small weight on BM25: the vectors find
 * paraphrases that share no word with the question, and BM25 breaks their ties on rare exact words (names,
 * acronyms) that a small model blurs.
 */
final class Ranker {
  /** How much the keyword score counts in the fused score; the rest is meaning. */
  static final double KEYWORD_WEIGHT = Double.parseDouble(System.getProperty("faqbot.kw", "0.15"));
  /** How many keyword hits to score; deeper ones add nothing after scaling. */
  static final int KEYWORD_DEPTH = 100;

  private final Calibration calibration;

  Ranker(Calibration calibration) {
    this.calibration = calibration;
  }

  /** All entries with any evidence, best first. {@code queryVector} is null for keyword-only ranking. */
  List<Candidate> rank(IndexView view, String message, float[] queryVector) {
    List<FaqEntry> entries = view.entries();
    int n = entries.size();
    float[] keyword = view.keywordScores(message, KEYWORD_DEPTH);
    float[] semantic = queryVector != null && view.hasVectors() ? view.semanticScores(queryVector) : null;
    double[] kw = scaled(keyword, 0);
    double[] sem = semantic == null ? null : scaled(semantic, Float.NaN);
    List<Candidate> ranked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      double score = sem == null ? kw[i] : (1 - KEYWORD_WEIGHT) * sem[i] + KEYWORD_WEIGHT * kw[i];
      if (sem == null && keyword[i] <= 0) {
        continue;
      }
      ranked.add(new Candidate(entries.get(i), score, semantic == null ? -1 : semantic[i], keyword[i], 0));
    }
    ranked.sort(Comparator.comparingDouble(Candidate::score).reversed()
        .thenComparing(c -> c.entry().id()));
    return calibration.apply(ranked);
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
