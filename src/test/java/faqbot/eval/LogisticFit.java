package faqbot.eval;

import java.util.List;

/**
 * Fits a weighted logistic regression by Newton's method: the weights w that maximise sum_i
 * weight_i * log P(label_i | x_i) with P(1 | x) = 1 / (1 + exp(-(w . x))).
 */
final class LogisticFit {
  /**
   * One observation: its features (the first is usually a constant 1 for the intercept), label and
   * weight.
   */
  record Example(double[] x, boolean label, double weight) {}

  private LogisticFit() {}

  /**
   * The fitted weights, one per feature. A tiny ridge keeps separable data from running off to
   * infinity.
   */
  static double[] fit(List<Example> examples, int iterations) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no examples to fit");
    }
    int d = examples.get(0).x().length;
    double[] w = new double[d];
    for (int it = 0; it < iterations; it++) {
      double[] gradient = new double[d];
      double[][] hessian = new double[d][d];
      for (Example e : examples) {
        double p = probability(w, e.x());
        double y = e.label() ? 1 : 0;
        for (int a = 0; a < d; a++) {
          gradient[a] += e.weight() * (y - p) * e.x()[a];
          for (int b = 0; b < d; b++) {
            hessian[a][b] += e.weight() * p * (1 - p) * e.x()[a] * e.x()[b];
          }
        }
      }
      for (int a = 0; a < d; a++) {
        gradient[a] -= 1e-6 * w[a];
        hessian[a][a] += 1e-6;
      }
      double[] step = solve(hessian, gradient);
      double size = 0;
      for (int a = 0; a < d; a++) {
        w[a] += step[a];
        size = Math.max(size, Math.abs(step[a]));
      }
      if (size < 1e-9) {
        break;
      }
    }
    return w;
  }

  static double probability(double[] w, double[] x) {
    double z = 0;
    for (int a = 0; a < w.length; a++) {
      z += w[a] * x[a];
    }
    return 1 / (1 + Math.exp(-z));
  }

  /**
   * Solves m . s = v by Gaussian elimination with partial pivoting (m is small and positive
   * definite).
   */
  private static double[] solve(double[][] m, double[] v) {
    int n = v.length;
    double[][] a = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n] = v[i];
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      for (int r = 0; r < n; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c <= n; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] s = new double[n];
    for (int i = 0; i < n; i++) {
      s[i] = a[i][n] / a[i][i];
    }
    return s;
  }
}
