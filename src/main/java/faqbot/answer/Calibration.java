package faqbot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Turns ranking evidence into a confidence, 0 to 1, that an entry answers the message, and decides whether the
 * best entry is good enough to show.
 *
 * <p>With sentence vectors the confidence is a logistic function of three things that mean the same on any corpus:
 * the entry's cosine with the message (each sentence model's closest cosine, weighed as in the ranking), its lead
 * in that cosine over the closest other entry, and how clearly BM25 singles out one entry. The weights were fitted
 * on labelled questions from three corpora (whether the first answer was right), with off-topic questions as
 * negatives; see docs/quality.md. Raw BM25 scores do not compare across corpora, so without vectors the
 * "confidence" is only each entry's share of the keyword evidence among the first five, and is not a probability.
 *
 * @param bias         the logistic's intercept
 * @param cosineWeight per unit of cosine between message and entry
 * @param leadWeight   per unit of cosine lead over the closest other entry
 * @param keywordWeight per unit of BM25's lead, (best - second) / best
 * @param threshold    the confidence below which the bot declines to answer
 */
public record Calibration(double bias, double cosineWeight, double leadWeight, double keywordWeight,
    double threshold) {

  /** Fitted as docs/quality.md describes; the threshold keeps in-scope refusals rare and off-topic answers rarer. */
  public static final Calibration DEFAULT = new Calibration(-32.79, 40.54, 3.81, 2.68, 0.3);

  public Calibration {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
    }
  }

  /**
   * What the confidence in an entry is computed from.
   *
   * @param cosine      the entry's cosine with the message
   * @param cosineLead  that cosine minus the best cosine of any other entry (negative when another is closer)
   * @param keywordLead BM25's lead for the message, (best - second) / best
   */
  public record Evidence(double cosine, double cosineLead, double keywordLead) {}

  /** The evidence for the first of a ranking made with sentence vectors, or empty when there is none. */
  public static Optional<Evidence> evidenceForFirst(List<Candidate> ranked) {
    if (ranked.isEmpty() || ranked.get(0).semantic() <= -1) {
      return Optional.empty();
    }
    float[] keywords = new float[ranked.size()];
    for (int i = 0; i < keywords.length; i++) {
      keywords[i] = (float) ranked.get(i).keyword();
    }
    return Optional.of(evidence(ranked.get(0).semantic(), bestTwo(ranked, Candidate::semantic),
        Ranker.lead(keywords)));
  }

  /** The confidence the evidence gives, before any capping by the ranking. */
  public double confidence(Evidence e) {
    return logistic(bias + cosineWeight * e.cosine() + leadWeight * e.cosineLead() + keywordWeight * e.keywordLead());
  }

  private static Evidence evidence(double cosine, double[] bestTwo, double keywordLead) {
    double closestOther = cosine == bestTwo[0] ? bestTwo[1] : bestTwo[0];
    return new Evidence(cosine, cosine - closestOther, keywordLead);
  }

  /** The highest and second highest of a value over the candidates (-1 where there are fewer). */
  private static double[] bestTwo(List<Candidate> ranked, ToDoubleFunction<Candidate> value) {
    double best = -1;
    double second = -1;
    for (Candidate c : ranked) {
      double v = value.applyAsDouble(c);
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) {
        second = v;
      }
    }
    return new double[] {best, second};
  }

  /** The same calibration with another threshold. */
  public Calibration withThreshold(double newThreshold) {
    return new Calibration(bias, cosineWeight, leadWeight, keywordWeight, newThreshold);
  }

  /**
   * The ranked candidates, best first, with their confidences filled in, never rising down the list;
   * {@code keywordLead} is BM25's lead for the message.
   */
  List<Candidate> apply(List<Candidate> ranked, double keywordLead) {
    List<Candidate> out = new ArrayList<>(ranked.size());
    boolean semantic = ranked.stream().anyMatch(c -> c.semantic() > -1);
    // The two best cosines, to give each candidate its lead over the closest other entry.
    double[] bestTwo = bestTwo(ranked, Candidate::semantic);
    double keywordTotal = 0;
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      keywordTotal += ranked.get(i).keyword();
    }
    // An entry ranked lower is never rated above one ranked before it: the numbers are read down the list, and the
    // logistic was fitted on first answers only, so where it disagrees with the ranking the ranking stands.
    double ceiling = 1;
    for (Candidate c : ranked) {
      double confidence;
      if (semantic) {
        confidence = confidence(evidence(c.semantic(), bestTwo, keywordLead));
      } else {
        confidence = keywordTotal > 0 ? c.keyword() / keywordTotal : 0;
      }
      ceiling = Math.min(ceiling, round(confidence));
      out.add(new Candidate(c.entry(), c.score(), c.semantic(), c.keyword(), ceiling));
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
