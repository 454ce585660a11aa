package faqbot.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Ranking metrics for one query, computed as trec_eval computes them. */
public final class Metrics {
  private Metrics() {}

  /**
   * Average precision over the whole ranking: the mean, over all relevant documents, of the
   * precision at the rank where each is found (0 for those never retrieved).
   */
  public static double averagePrecision(List<String> ranking, Map<String, Integer> relevant) {
    if (relevant.isEmpty()) {
      return 0;
    }
    int found = 0;
    double sum = 0;
    for (int i = 0; i < ranking.size(); i++) {
      if (relevant.containsKey(ranking.get(i))) {
        found++;
        sum += (double) found / (i + 1);
      }
    }
    return sum / relevant.size();
  }

  /**
   * The reciprocal of the rank of the first relevant document within the first {@code k}; 0 if
   * none.
   */
  public static double reciprocalRank(List<String> ranking, Map<String, Integer> relevant, int k) {
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (relevant.containsKey(ranking.get(i))) {
        return 1.0 / (i + 1);
      }
    }
    return 0;
  }

  /**
   * The fraction of the first {@code k} ranks holding a relevant document (ranks past the list
   * count as misses).
   */
  public static double precision(List<String> ranking, Map<String, Integer> relevant, int k) {
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (relevant.containsKey(ranking.get(i))) {
        hits++;
      }
    }
    return (double) hits / k;
  }

  /** The fraction of the relevant documents found within the first {@code k}. */
  public static double recall(List<String> ranking, Map<String, Integer> relevant, int k) {
    if (relevant.isEmpty()) {
      return 0;
    }
    int hits = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      if (relevant.containsKey(ranking.get(i))) {
        hits++;
      }
    }
    return (double) hits / relevant.size();
  }

  /**
   * Normalized discounted cumulative gain at {@code k}, with the grade as gain and log2(rank + 1)
   * as discount.
   */
  public static double ndcg(List<String> ranking, Map<String, Integer> relevant, int k) {
    double dcg = 0;
    for (int i = 0; i < Math.min(k, ranking.size()); i++) {
      Integer grade = relevant.get(ranking.get(i));
      if (grade != null) {
        dcg += grade / log2(i + 2);
      }
    }
    List<Integer> ideal = new ArrayList<>(relevant.values());
    ideal.sort((a, b) -> Integer.compare(b, a));
    double idcg = 0;
    for (int i = 0; i < Math.min(k, ideal.size()); i++) {
      idcg += ideal.get(i) / log2(i + 2);
    }
    return idcg == 0 ? 0 : dcg / idcg;
  }

  /** The value at a quantile (0..1) of some numbers, by the nearest-rank method. */
  public static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
