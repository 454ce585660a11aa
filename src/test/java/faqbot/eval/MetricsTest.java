package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each expected value is worked out by hand in the comment above it. */
class MetricsTest {
  private static final List<String> RANKING = List.of("a", "b", "c", "d", "e");

  @Test
  void averagePrecisionCountsUnretrievedRelevantDocumentsAsMisses() {
    // Relevant: b (rank 2), d (rank 4), z (never retrieved). AP = (1/2 + 2/4 + 0) / 3 = 1/3.
    assertThat(Metrics.averagePrecision(RANKING, Map.of("b", 1, "d", 1, "z", 1)))
        .isCloseTo(1 / 3.0, within(1e-9));
    // Relevant: a (rank 1) only. AP = 1.
    assertThat(Metrics.averagePrecision(RANKING, Map.of("a", 1))).isEqualTo(1.0);
    // Relevant: e (rank 5). AP = 1/5.
    assertThat(Metrics.averagePrecision(RANKING, Map.of("e", 1))).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void reciprocalRankStopsAtTheCutoff() {
    assertThat(Metrics.reciprocalRank(RANKING, Map.of("c", 1, "e", 1), 10))
        .isCloseTo(1 / 3.0, within(1e-9));
    assertThat(Metrics.reciprocalRank(RANKING, Map.of("e", 1), 4)).isEqualTo(0.0);
  }

  @Test
  void precisionCountsRanksPastTheListAsMisses() {
    assertThat(Metrics.precision(RANKING, Map.of("a", 1), 1)).isEqualTo(1.0);
    assertThat(Metrics.precision(RANKING, Map.of("b", 1), 1)).isEqualTo(0.0);
    // 2 relevant in a list of 5, at cutoff 10: 2/10.
    assertThat(Metrics.precision(RANKING, Map.of("a", 1, "e", 1), 10)).isCloseTo(0.2, within(1e-9));
  }

  @Test
  void recallIsTheShareOfRelevantDocumentsFound() {
    // b and d found within 10, z not: 2/3.
    assertThat(Metrics.recall(RANKING, Map.of("b", 1, "d", 1, "z", 1), 10))
        .isCloseTo(2 / 3.0, within(1e-9));
    // Within 3 only b: 1/3.
    assertThat(Metrics.recall(RANKING, Map.of("b", 1, "d", 1, "z", 1), 3))
        .isCloseTo(1 / 3.0, within(1e-9));
  }

  @Test
  void ndcgUsesGradesAndTheLogDiscount() {
    // Relevant b (grade 1) at rank 2: DCG = 1/log2(3) = 0.63093. Ideal: it at rank 1, IDCG = 1.
    // nDCG = 0.63093.
    assertThat(Metrics.ndcg(RANKING, Map.of("b", 1), 10)).isCloseTo(0.6309298, within(1e-6));
    // a grade 1 at rank 1, c grade 2 at rank 3: DCG = 1 + 2/log2(4) = 2. Ideal: 2 at rank 1, 1 at
    // rank 2:
    // IDCG = 2 + 1/log2(3) = 2.63093. nDCG = 2 / 2.63093 = 0.76019.
    assertThat(Metrics.ndcg(RANKING, Map.of("a", 1, "c", 2), 10))
        .isCloseTo(0.7601877, within(1e-6));
    assertThat(Metrics.ndcg(RANKING, Map.of("z", 1), 10)).isEqualTo(0.0);
  }

  @Test
  void quantilesUseTheNearestRank() {
    double[] values = {5, 1, 4, 2, 3};
    assertThat(Metrics.quantile(values, 0.5)).isEqualTo(3.0);
    assertThat(Metrics.quantile(values, 0.95)).isEqualTo(5.0);
    assertThat(Metrics.quantile(new double[] {7}, 0.5)).isEqualTo(7.0);
  }
}
