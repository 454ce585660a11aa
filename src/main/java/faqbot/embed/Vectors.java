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
   * The dot product of {@code a} with the {@code a.length} values of {@code rows} from {@code offset}: one row of
   * a flat matrix. Four running sums let the JIT keep the loop's multiplications independent.
   */
  public static float dot(float[] a, float[] rows, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = a.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[i] * rows[offset + i];
      s1 += a[i + 1] * rows[offset + i + 1];
      s2 += a[i + 2] * rows[offset + i + 2];
      s3 += a[i + 3] * rows[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[i] * rows[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The dot product; for unit vectors, the cosine of the angle between them. */
  public static float dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("vectors of length " + a.length + " and " + b.length + " cannot be compared");
    }
    float sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
