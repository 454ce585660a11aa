package faqbot.embed;

/** Small vector arithmetic for unit-length embeddings. */
public final class Vectors {
  private Vectors() {}

  /** Scales a vector to unit length in place and returns it; a zero vector stays zero. */
  public static float[] normalize(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x * x;
    }
    if (sum > 0) {
      float inverse = (float) (1.0 / Math.sqrt(sum));
      for (int i = 0; i < v.length; i++) {
        v[i] *= inverse;
      }
    }
    return v;
  }

  /**
   * Adds {@code scale} times {@code sums.length} values of {@code source}, from {@code offset}, to
   * {@code sums}: one query dimension's share of many dot products at once. The loop has no running
   * sum, so the JIT vectorizes it.
   */
  public static void addScaled(float[] sums, float scale, float[] source, int offset) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += scale * source[offset + i];
    }
  }

  /** The dot product; for unit vectors, the cosine of the angle between them. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of length " + a.length + " and " + b.length + " cannot be compared");
    }
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
