package faqbot.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogisticFitTest {
  /** 20,000 examples of two figures, labelled at random with the odds the weights give. */
  private static List<LogisticFit.Example> drawn(double[] truth, long seed) {
    Random random = new Random(seed);
    List<LogisticFit.Example> examples = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      double[] x = {1, random.nextDouble() * 2, random.nextGaussian()};
      examples.add(
          new LogisticFit.Example(x, random.nextDouble() < LogisticFit.probability(truth, x), 1));
    }
    return examples;
  }

  @Test
  void recoversTheWeightsThatGeneratedTheLabels() {
    double[] truth = {-3, 4, 1.5};
    List<LogisticFit.Example> examples = drawn(truth, 7);
    double[] fitted = LogisticFit.fit(examples, 50);
    for (int a = 0; a < truth.length; a++) {
      assertThat(fitted[a]).as("weight %d", a).isCloseTo(truth[a], within(0.15));
    }
  }

  @Test
  void holdsAtZeroAFigureThatMayOnlyLowerTheOddsAndFitsTheOthersWithoutIt() {
    List<LogisticFit.Example> examples = drawn(new double[] {-3, 4, 1.5}, 11);
    double[] free = CalibrationFit.fitHolding(examples, Set.of());
    assertThat(free[2]).isCloseTo(1.5, within(0.15));
    double[] held = CalibrationFit.fitHolding(examples, Set.of(2));
    assertThat(held[2]).isZero();
    // The other figure is fitted again without it: still clearly positive (a logistic's weights
    // shrink a little when an independent figure is left out).
    assertThat(held[1]).isBetween(2.5, 4.5);
    // A figure whose weight is negative anyway is left free.
    assertThat(CalibrationFit.fitHolding(examples, Set.of(0))[0]).isCloseTo(-3, within(0.3));
  }

  @Test
  void aFigureToHoldIsNamedAsTheEvidenceNamesItAndAnyOtherNameIsRefusedWithTheFile()
      throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();
    Path file = Path.of("calibration.json");
    assertThat(
            CalibrationFit.nonPositive(
                file, json.readTree("{\"nonPositive\": [\"cosine\", \"unknownShare\"]}")))
        .containsExactlyInAnyOrder(1, 7);
    assertThat(CalibrationFit.nonPositive(file, json.readTree("{}"))).isEmpty();
    assertThatThrownBy(
            () -> CalibrationFit.nonPositive(file, json.readTree("{\"nonPositive\": [\"cosin\"]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calibration.json")
        .hasMessageContaining("\"cosin\"");
  }

  @Test
  void weightsExamplesAsTold() {
    // The same point labelled yes with weight 3 and no with weight 1: the fitted probability is 3 /
    // 4.
    double[] x = {1};
    double[] fitted =
        LogisticFit.fit(
            List.of(new LogisticFit.Example(x, true, 3), new LogisticFit.Example(x, false, 1)), 50);
    assertThat(LogisticFit.probability(fitted, x)).isCloseTo(0.75, within(1e-6));
  }
}
