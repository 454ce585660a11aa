package faqbot.answer;

/**
 * The highest and the second highest of some values, where there are any.
 *
 * @param best the highest value, or {@code none}
 * @param second the second highest, or {@code none}
 */
record TopTwo(double best, double second) {

  /**
   * The top two of the values whose {@code include} flag is set (all, when it is null); {@code
   * none} fills in.
   */
  static TopTwo of(double[] values, boolean[] include, double none) {
    double best = none;
    double second = none;
    for (int i = 0; i < values.length; i++) {
      if (include != null && !include[i]) {
        continue;
      }
      double v = values[i];
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) {
        second = v;
      }
    }
    return new TopTwo(best, second);
  }

  /** The highest value other than {@code value} when that is the highest, else the highest. */
  double bestOther(double value) {
    return value == best ? second : best;
  }

  /**
   * How far the best stands above the second, as a fraction of the best; 0 when the best is not
   * above 0.
   */
  double lead() {
    return best > 0 ? (best - Math.max(0, second)) / best : 0;
  }
}
