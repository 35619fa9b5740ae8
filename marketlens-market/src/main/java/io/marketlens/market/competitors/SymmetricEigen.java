package io.marketlens.market.competitors;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;

/**
 * Eigenvalues and eigenvectors of real symmetric matrices, largest eigenvalue first.
 *
 * <p>{@link #of} is the cyclic Jacobi method (Golub and Van Loan, <i>Matrix Computations</i>, 4th
 * ed., §8.5): exact to rounding and simple, O(n³) per sweep, used for covariance matrices and small
 * Gram matrices. {@link #top} finds the leading eigenpairs of a large matrix by subspace iteration
 * with Rayleigh–Ritz projection (ibid. §8.2.4), starting from a seeded random block and stopped
 * when every wanted Ritz pair has a residual below 1e-11 of the largest eigenvalue. Every
 * eigenvector has the fixed sign that makes its component of largest magnitude positive (the first
 * such component on ties), so results never depend on the algorithm's arbitrary signs.
 */
final class SymmetricEigen {

  private static final int MAX_SWEEPS = 100;

  /** Eigenvalues in decreasing order and the matching unit eigenvectors as columns. */
  record Result(double[] values, double[][] vectors) {

    /** Eigenvector {@code k} as a new array. */
    double[] vector(int k) {
      double[] v = new double[vectors.length];
      for (int i = 0; i < v.length; i++) v[i] = vectors[i][k];
      return v;
    }
  }

  private SymmetricEigen() {}

  /** All eigenpairs of the symmetric matrix {@code a} (not modified). */
  static Result of(double[][] a) {
    int n = a.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) m[i] = a[i].clone();
    double[][] v = identity(n);
    double scale = 0;
    for (double[] row : m) for (double x : row) scale += x * x;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      if (offDiagonal(m) <= 1e-30 * scale || scale == 0) break;
      for (int p = 0; p < n - 1; p++) {
        for (int q = p + 1; q < n; q++) rotate(m, v, p, q);
      }
    }
    double[] values = new double[n];
    for (int i = 0; i < n; i++) values[i] = m[i][i];
    return sorted(values, v, n);
  }

  /**
   * The {@code k} largest eigenpairs of the symmetric positive semi-definite matrix {@code a}.
   * Small matrices go to {@link #of}; large ones use subspace iteration from a block drawn with
   * {@code seed}.
   */
  static Result top(double[][] a, int k, long seed) {
    int n = a.length;
    if (n <= 200) return truncate(of(a), k);
    int m = Math.min(n, k + 6);
    Random rng = new Random(seed);
    double[][] q = new double[n][m];
    for (double[] row : q) for (int j = 0; j < m; j++) row[j] = rng.nextGaussian();
    orthonormalise(q);
    Result ritz = null;
    for (int it = 0; it < 20_000; it++) {
      double[][] y = multiply(a, q);
      orthonormalise(y);
      double[][] ay = multiply(a, y);
      ritz = of(transposeTimes(y, ay));
      q = multiply(y, ritz.vectors());
      if (converged(multiply(ay, ritz.vectors()), q, ritz.values(), k)) break;
    }
    double[] values = Arrays.copyOf(ritz.values(), m);
    return truncate(sorted(values, q, m), k);
  }

  /** True when ‖A qⱼ − θⱼ qⱼ‖ ≤ 1e-11 · |θ₀| for the first {@code k} Ritz pairs. */
  private static boolean converged(double[][] aq, double[][] q, double[] theta, int k) {
    double tolerance = 1e-11 * Math.max(Math.abs(theta[0]), 1e-300);
    for (int j = 0; j < k; j++) {
      double r = 0;
      for (int i = 0; i < q.length; i++) {
        double d = aq[i][j] - theta[j] * q[i][j];
        r += d * d;
      }
      if (Math.sqrt(r) > tolerance) return false;
    }
    return true;
  }

  private static void rotate(double[][] m, double[][] v, int p, int q) {
    double apq = m[p][q];
    if (apq == 0) return;
    double theta = (m[q][q] - m[p][p]) / (2 * apq);
    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    if (theta == 0) t = 1;
    double c = 1 / Math.sqrt(t * t + 1);
    double s = t * c;
    int n = m.length;
    for (int k = 0; k < n; k++) {
      double mkp = m[k][p];
      double mkq = m[k][q];
      m[k][p] = c * mkp - s * mkq;
      m[k][q] = s * mkp + c * mkq;
    }
    for (int k = 0; k < n; k++) {
      double mpk = m[p][k];
      double mqk = m[q][k];
      m[p][k] = c * mpk - s * mqk;
      m[q][k] = s * mpk + c * mqk;
    }
    m[p][q] = 0;
    m[q][p] = 0;
    for (int k = 0; k < n; k++) {
      double vkp = v[k][p];
      double vkq = v[k][q];
      v[k][p] = c * vkp - s * vkq;
      v[k][q] = s * vkp + c * vkq;
    }
  }

  private static double offDiagonal(double[][] m) {
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m.length; j++) if (i != j) s += m[i][j] * m[i][j];
    }
    return s;
  }

  private static Result sorted(double[] values, double[][] vectors, int count) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
    int rows = vectors.length;
    double[] outValues = new double[count];
    double[][] out = new double[rows][count];
    for (int j = 0; j < count; j++) {
      outValues[j] = values[order[j]];
      for (int i = 0; i < rows; i++) out[i][j] = vectors[i][order[j]];
      fixSign(out, j);
    }
    return new Result(outValues, out);
  }

  /** Makes the component of largest magnitude of column {@code j} positive. */
  static void fixSign(double[][] vectors, int j) {
    if (vectors[largest(vectors, j)][j] < 0) for (double[] row : vectors) row[j] = -row[j];
  }

  /**
   * The row of the component of largest magnitude in column {@code j} (the first, on near-ties).
   */
  static int largest(double[][] vectors, int j) {
    int best = 0;
    for (int i = 1; i < vectors.length; i++) {
      if (Math.abs(vectors[i][j]) > Math.abs(vectors[best][j]) + 1e-9) best = i;
    }
    return best;
  }

  private static Result truncate(Result r, int k) {
    int rows = r.vectors().length;
    double[][] v = new double[rows][k];
    for (int i = 0; i < rows; i++) System.arraycopy(r.vectors()[i], 0, v[i], 0, k);
    return new Result(Arrays.copyOf(r.values(), k), v);
  }

  private static double[][] identity(int n) {
    double[][] v = new double[n][n];
    for (int i = 0; i < n; i++) v[i][i] = 1;
    return v;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    int n = a.length;
    int inner = b.length;
    int m = b[0].length;
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < inner; l++) {
        double ail = a[i][l];
        if (ail == 0) continue;
        double[] bl = b[l];
        double[] oi = out[i];
        for (int j = 0; j < m; j++) oi[j] += ail * bl[j];
      }
    }
    return out;
  }

  /** aᵀ b for a (n × m) and b (n × m'). */
  static double[][] transposeTimes(double[][] a, double[][] b) {
    int m = a[0].length;
    int m2 = b[0].length;
    double[][] out = new double[m][m2];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < m; j++) {
        double aij = a[i][j];
        for (int l = 0; l < m2; l++) out[j][l] += aij * b[i][l];
      }
    }
    return out;
  }

  /** Modified Gram–Schmidt on the columns; a column that vanishes is replaced by a unit vector. */
  private static void orthonormalise(double[][] q) {
    int n = q.length;
    int m = q[0].length;
    for (int j = 0; j < m; j++) {
      for (int attempt = 0; attempt <= n; attempt++) {
        for (int l = 0; l < j; l++) {
          double dot = 0;
          for (int i = 0; i < n; i++) dot += q[i][l] * q[i][j];
          for (int i = 0; i < n; i++) q[i][j] -= dot * q[i][l];
        }
        double norm = 0;
        for (int i = 0; i < n; i++) norm += q[i][j] * q[i][j];
        norm = Math.sqrt(norm);
        if (norm > 1e-150) {
          for (int i = 0; i < n; i++) q[i][j] /= norm;
          break;
        }
        for (int i = 0; i < n; i++) q[i][j] = i == (j + attempt) % n ? 1 : 0;
      }
    }
  }
}
