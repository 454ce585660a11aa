package faqbot.answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the evidence about an entry into a confidence, 0 to 1, that it answers the message, and
 * says what is sure enough to answer with and what is close enough to offer.
 *
 * <p>With sentence vectors the confidence is a logistic function of the {@link Evidence}: how close
 * the meanings are, and whether the entry speaks of what the message names. The weights were fitted
 * (src/test/tools/calibrate.sh) on labelled questions from four corpora: whether the first entry
 * was right, for questions an entry answers, for the same questions with the entries that answer
 * them hidden (so the entry left on top is a neighbour that does not), for questions from another
 * field, and for real questions about AI safety the bundled corpus does or does not answer; see
 * docs/quality.md. Raw BM25 scores do not compare across corpora, so without vectors the
 * "confidence" is only each entry's share of the keyword evidence among the first five, and is not
 * a probability.
 *
 * @param weights the logistic's weights
 * @param answerAt the least confidence to answer with an entry
 * @param clarifyAt the least confidence for an entry to be offered as a choice ("Did you mean …?")
 *     when no entry is sure enough to answer with
 */
public record Calibration(Weights weights, double answerAt, double clarifyAt) {

  /**
   * The logistic's weights: its intercept, then one per figure of the {@link Evidence}, in its
   * order.
   */
  public record Weights(
      double bias,
      double cosine,
      double cosineLead,
      double keywordLead,
      double coverage,
      double questionCoverage,
      double maxUncovered,
      double unknownShare,
      double uncoveredName,
      double specificAsk,
      double comparisonGap) {

    /** Weights from an array: the intercept first, then the evidence's figures in order. */
    public static Weights of(double[] w) {
      if (w.length != 11) {
        throw new IllegalArgumentException(
            "expected 11 weights (an intercept and 10 figures), got " + w.length);
      }
      return new Weights(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10]);
    }

    double[] perFigure() {
      return new double[] {
        cosine,
        cosineLead,
        keywordLead,
        coverage,
        questionCoverage,
        maxUncovered,
        unknownShare,
        uncoveredName,
        specificAsk,
        comparisonGap
      };
    }
  }

  /**
   * Fitted as docs/quality.md describes; the thresholds were chosen there, on the questions kept
   * for tuning.
   */
  public static final Calibration DEFAULT =
      new Calibration(
          Weights.of(
              new double[] {
                -25.43, 28.28, 6.08, 0.91, 4.01, -2.31, 0.00, 0.00, -0.83, -0.91, -0.39
              }),
          0.74,
          0.05);

  /**
   * Without sentence vectors: the least share of the keyword evidence to answer with (there is no
   * clarifying).
   */
  static final double KEYWORD_ANSWER_AT = 0.3;

  public Calibration {
    checkShare(answerAt, "answerAt");
    checkShare(clarifyAt, "clarifyAt");
    if (clarifyAt > answerAt) {
      throw new IllegalArgumentException(
          "clarifyAt (" + clarifyAt + ") must not be above answerAt (" + answerAt + ")");
    }
  }

  private static void checkShare(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
    }
  }

  /** The confidence the evidence gives, before any capping by the ranking. */
  public double confidence(Evidence e) {
    double[] w = weights.perFigure();
    double[] x = e.values();
    double z = weights.bias();
    for (int i = 0; i < w.length; i++) {
      z += w[i] * x[i];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** The same calibration with other thresholds. */
  public Calibration withThresholds(double newAnswerAt, double newClarifyAt) {
    return new Calibration(weights, newAnswerAt, newClarifyAt);
  }

  /**
   * The ranked candidates, best first, with their confidences filled in, never rising down the
   * list.
   */
  List<Candidate> apply(List<Candidate> ranked) {
    List<Candidate> out = new ArrayList<>(ranked.size());
    double keywordTotal = 0;
    for (int i = 0; i < Math.min(5, ranked.size()); i++) {
      keywordTotal += ranked.get(i).keyword();
    }
    // An entry ranked lower is never rated above one ranked before it: the numbers are read down
    // the list, and the
    // logistic was fitted on first answers only, so where it disagrees with the ranking the ranking
    // stands.
    double ceiling = 1;
    for (Candidate c : ranked) {
      double confidence;
      if (c.evidence() != null) {
        confidence = confidence(c.evidence());
      } else {
        confidence = keywordTotal > 0 ? c.keyword() / keywordTotal : 0;
      }
      ceiling = Math.min(ceiling, round(confidence));
      out.add(c.withConfidence(ceiling));
    }
    return out;
  }

  /** Whether a candidate is sure enough to be given as the answer. */
  boolean answers(Candidate c) {
    return c.confidence() >= (c.evidence() == null ? KEYWORD_ANSWER_AT : answerAt);
  }

  /**
   * Whether a candidate is close enough to be offered as a choice; never without sentence vectors.
   */
  boolean offers(Candidate c) {
    return c.evidence() != null && c.confidence() >= clarifyAt;
  }

  private static double round(double x) {
    return Math.round(x * 1000) / 1000.0;
  }
}
