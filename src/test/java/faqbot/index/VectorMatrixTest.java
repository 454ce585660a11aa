package faqbot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import faqbot.embed.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Scoring every vector dimension by dimension gives what a dot product per vector would. */
class VectorMatrixTest {
  private static final int ENTRIES = 4;
  private static final int DIMENSION = 6;

  @Test
  void givesEachEntryItsTwoHighestCosinesByEachModelsSlice() {
    Random random = new Random(7);
    List<float[]> vectors = IntStream.range(0, 9).mapToObj(i -> unit(random)).toList();
    int[] owners = {0, 0, 0, 1, 1, 2, 0, 1, 1};
    float[] query = unit(random);
    SemanticScores scores = new VectorMatrix(vectors, owners, ENTRIES).score(query, 2);

    assertThat(scores.models()).hasSize(2);
    for (int part = 0; part < 2; part++) {
      int from = part * DIMENSION / 2;
      int to = from + DIMENSION / 2;
      for (int entry = 0; entry < ENTRIES; entry++) {
        List<Float> cosines = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
          if (owners[i] == entry) {
            float[] queryPart = Arrays.copyOfRange(query, from, to);
            cosines.add(2 * Vectors.dot(queryPart, Arrays.copyOfRange(vectors.get(i), from, to)));
          }
        }
        cosines.sort(Comparator.reverseOrder());
        float best = cosines.size() > 0 ? cosines.get(0) : -1f;
        float second = cosines.size() > 1 ? cosines.get(1) : -1f;
        assertThat(scores.models().get(part).best()[entry])
            .as("entry %d, model %d", entry, part)
            .isCloseTo(best, within(1e-5f));
        assertThat(scores.models().get(part).second()[entry])
            .as("entry %d, model %d", entry, part)
            .isCloseTo(second, within(1e-5f));
      }
    }
  }

  @Test
  void refusesAQueryOfAnotherLength() {
    VectorMatrix matrix = new VectorMatrix(List.of(new float[DIMENSION]), new int[] {0}, ENTRIES);
    assertThatThrownBy(() -> matrix.score(new float[DIMENSION + 1], 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void scoresNothingWithoutVectors() {
    SemanticScores scores = VectorMatrix.none(ENTRIES).score(new float[DIMENSION], 1);
    assertThat(scores.best()).containsOnly(-1f);
    assertThat(scores.second()).containsOnly(-1f);
  }

  private static float[] unit(Random random) {
    float[] v = new float[DIMENSION];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return Vectors.normalize(v);
  }
}
