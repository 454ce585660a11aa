package faqbot.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ranking evidence into a confidence, 0 to 1, that an entry answers the message, and decides whether the
 * best entry is good enough to show.
 *
 * <p>With sentence vectors the confidence is a logistic function of the entry's cosine with the message and of
 * its lead over the runner-up, fitted on labelled questions (see {@code docs/quality.md}); cosines mean the same on
 * any corpus, which raw BM25 scores do not. Without vectors there is nothing comparable across corpora, so the
 * "confidence" is only each entry's share of the keyword evidence and must not be read as a probability.
 */
public record Calibration(double bias, double cosineWeight, double leadWeight, double threshold) {

  /** Fitted on the shared StackFAQ and CovidFAQ sets and the bundled off-topic questions; see docs/quality.md. */
  public static final Calibration DEFAULT = new Calibration(-20.0, 30.0, 10.0, 0.5);

  public Calibration {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
    }
  }

  /** The same calibration with another threshold. */
  public Calibration withThreshold(double newThreshold) {
    return new Calibration(bias, cosineWeight, leadWeight, newThreshold);
  }

  /** The ranked candidates with their confidences filled in. */
  List<Candidate> apply(List<Candidate> ranked) {
    List<Candidate> out = new ArrayList<>(ranked.size());
    boolean semantic = !ranked.isEmpty() && ranked.get(0).semantic() >= -0.5;
    double keywordTotal = 0;
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      keywordTotal += ranked.get(i).keyword();
    }
    double best = ranked.isEmpty() ? 0 : ranked.get(0).semantic();
    double second = ranked.size() > 1 ? ranked.get(1).semantic() : best - 0.1;
    for (int i = 0; i < ranked.size(); i++) {
      Candidate c = ranked.get(i);
      double confidence;
      if (semantic) {
        // The lead of the top entry over the next; for the others, their gap to the top (negative).
        double lead = i == 0 ? best - second : c.semantic() - best;
        confidence = logistic(bias + cosineWeight * c.semantic() + leadWeight * lead);
      } else {
        confidence = keywordTotal > 0 ? c.keyword() / keywordTotal : 0;
      }
      out.add(new Candidate(c.entry(), c.score(), c.semantic(), c.keyword(), round(confidence)));
    }
    return out;
  }

  /** Whether a candidate is confident enough to be given as the answer. */
  boolean accepts(Candidate best) {
    return best.confidence() >= threshold;
  }

  private static double logistic(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
