package faqbot.index;

import faqbot.embed.Vectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every sentence vector of an index in one array, dimension by dimension, with the entry each
 * belongs to: scored against a message's vector all at once.
 *
 * <p>FAQ corpora are small (hundreds to thousands of entries), so scoring every vector exactly is
 * both faster than a graph search and never misses a neighbour.
 */
final class VectorMatrix {
  /**
   * The values of dimension {@code j} of all vectors lie together from {@code j * count}. Scoring
   * then adds one dimension's products to every vector's sum at once, a loop the JIT turns into
   * SIMD instructions (a dot product per vector is a running sum, which it does not).
   */
  private final float[] values;

  private final int dimension;
  private final int count;

  /** The position in the corpus of the entry each vector belongs to. */
  private final int[] owners;

  private final int entries;

  /**
   * @param vectors every vector, all of one length
   * @param owners for each vector, the position of its entry in the corpus
   * @param entries how many entries the corpus has
   */
  VectorMatrix(List<float[]> vectors, int[] owners, int entries) {
    if (vectors.size() != owners.length) {
      throw new IllegalArgumentException(
          vectors.size() + " vectors but " + owners.length + " owners");
    }
    this.count = vectors.size();
    this.dimension = vectors.isEmpty() ? 0 : vectors.get(0).length;
    this.owners = owners.clone();
    this.entries = entries;
    this.values = new float[count * dimension];
    for (int i = 0; i < count; i++) {
      float[] vector = vectors.get(i);
      if (vector.length != dimension) {
        throw new IllegalArgumentException(
            "a vector of " + vector.length + " dimensions among ones of " + dimension);
      }
      for (int j = 0; j < dimension; j++) {
        values[j * count + i] = vector[j];
      }
    }
  }

  /** No vectors, for an index built without a model. */
  static VectorMatrix none(int entries) {
    return new VectorMatrix(List.of(), new int[0], entries);
  }

  int count() {
    return count;
  }

  int dimension() {
    return dimension;
  }

  /**
   * For each model whose slice the vectors join, each entry's two highest cosines with the query.
   *
   * @param parts how many models' equal slices each vector joins (see {@code
   *     SentenceEncoder.parts()})
   */
  SemanticScores score(float[] query, int parts) {
    if (count > 0 && query.length != dimension) {
      throw new IllegalArgumentException(
          "a query vector of "
              + query.length
              + " dimensions cannot be compared"
              + " with this index's "
              + dimension);
    }
    int slice = dimension / parts;
    List<SemanticScores.ModelScores> models = new ArrayList<>(parts);
    float[] cosines = new float[count];
    for (int p = 0; p < parts; p++) {
      Arrays.fill(cosines, 0f);
      for (int j = p * slice; j < (p + 1) * slice; j++) {
        // Each model's slice has length 1/sqrt(parts) in both vectors: scale its products back to a
        // cosine.
        Vectors.addScaled(cosines, query[j] * parts, values, j * count);
      }
      models.add(twoBestByEntry(cosines));
    }
    return new SemanticScores(models);
  }

  private SemanticScores.ModelScores twoBestByEntry(float[] cosines) {
    float[] best = new float[entries];
    float[] second = new float[entries];
    Arrays.fill(best, -1f);
    Arrays.fill(second, -1f);
    for (int i = 0; i < count; i++) {
      float score = cosines[i];
      int owner = owners[i];
      if (score > best[owner]) {
        second[owner] = best[owner];
        best[owner] = score;
      } else if (score > second[owner]) {
        second[owner] = score;
      }
    }
    return new SemanticScores.ModelScores(best, second);
  }
}
