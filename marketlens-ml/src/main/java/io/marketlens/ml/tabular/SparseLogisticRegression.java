package io.marketlens.ml.tabular;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * L2-penalised logistic regression on {@link SparseRows}, fitted by L-BFGS: for the hundreds of
 * thousands of columns of TF-IDF n-grams, where {@link LogisticRegression}'s Newton steps (a d × d
 * Hessian) cannot be used. The objective minimised is {@code -sum_i log L_i + lambda / 2 *
 * ||beta||^2} (the intercept unpenalised), so {@code lambda} is in units of rows as in {@link
 * LogisticRegression}, and {@code lambda = 1 / C} of scikit-learn's {@code LogisticRegression}.
 *
 * <p><b>Determinism.</b> Rows are summed in a fixed number of blocks ({@value #BLOCKS}, or one for
 * small data) that may run in parallel; each block sums its rows in order and the blocks are added
 * in order, so the fit is bit-for-bit the same at any thread count.
 *
 * @param lambdas the candidate penalty strengths, each finite and at least 0, tried from strongest
 *     to weakest (each fit starts from the previous one's weights)
 * @param maxIterations L-BFGS iterations per fit, at least 1
 */
public record SparseLogisticRegression(List<Double> lambdas, int maxIterations) {

  /** Row blocks summed in parallel (fixed, so results do not depend on the thread count). */
  static final int BLOCKS = 8;

  /** Below this many rows per block the rows are summed in one block. */
  static final int MIN_BLOCK_ROWS = 512;

  /** Past L-BFGS steps kept. */
  static final int HISTORY = 10;

  /**
   * Stops when no component of the gradient of the mean loss (the sum's divided by the rows)
   * exceeds this: scikit-learn's lbfgs default {@code tol}, on the same scale.
   */
  static final double GRADIENT_TOLERANCE = 1e-4;

  /** Stops when an iteration lowers the objective by less than this share (scikit-learn's). */
  static final double RELATIVE_TOLERANCE = 64 * Math.ulp(1.0);

  public SparseLogisticRegression {
    lambdas = lambdas.stream().sorted((a, b) -> Double.compare(b, a)).toList();
    if (lambdas.isEmpty()) throw new IllegalArgumentException("no lambda to try");
    for (double l : lambdas) {
      if (!(l >= 0) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("lambda must be finite and >= 0, found " + l);
      }
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, found " + maxIterations);
    }
  }

  /**
   * Fits every lambda on {@code train} and keeps the one with the lowest log-loss on {@code
   * validation} (ties: the stronger penalty); with a single lambda, or no validation rows, the
   * strongest is fitted and kept.
   *
   * @param y 0/1 labels of the training rows
   * @param validation held-out rows, or null
   * @param validationY their labels, or null
   */
  public Model fit(SparseRows train, int[] y, SparseRows validation, int[] validationY) {
    Objects.requireNonNull(train, "train");
    checkLabels(train, y);
    boolean choose = lambdas.size() > 1 && validation != null && validation.rows() > 0;
    if (!choose) return fitWith(train, y, lambdas.get(0), null);
    checkLabels(validation, validationY);
    Model best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    double[] start = null;
    for (double lambda : lambdas) {
      Model m = fitWith(train, y, lambda, start);
      start = m.packed();
      double loss = Metrics.logLoss(m.predictProbability(validation), validationY);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = m;
      }
    }
    return best;
  }

  private static void checkLabels(SparseRows x, int[] y) {
    Objects.requireNonNull(y, "labels");
    if (y.length != x.rows()) {
      throw new IllegalArgumentException(y.length + " labels for " + x.rows() + " rows");
    }
    for (int v : y) {
      if (v != 0 && v != 1) throw new IllegalArgumentException("labels must be 0 or 1, found " + v);
    }
  }

  /** Fits with one penalty strength from {@code start} (intercept first), or from zero weights. */
  Model fitWith(SparseRows x, int[] y, double lambda, double[] start) {
    int d = x.columns() + 1;
    Objective f = new Objective(x, y, lambda);
    double[] beta = start != null ? start.clone() : new double[d];
    if (start == null) {
      int pos = 0;
      for (int v : y) pos += v;
      double rate = Math.min(1 - 1e-6, Math.max(1e-6, (double) pos / Math.max(1, y.length)));
      beta[0] = Math.log(rate / (1 - rate));
    }
    double[] g = new double[d];
    double fx = f.valueAndGradient(beta, g);
    double[][] s = new double[HISTORY][];
    double[][] yy = new double[HISTORY][];
    double[] rho = new double[HISTORY];
    int stored = 0;
    int newest = -1;
    double[] next = new double[d];
    double[] gNext = new double[d];
    double[] direction = new double[d];
    double[] alpha = new double[HISTORY];
    int iterations = 0;
    double gradientTolerance = GRADIENT_TOLERANCE * Math.max(1, x.rows());
    while (iterations < maxIterations && maxAbs(g) > gradientTolerance) {
      // Two-loop recursion: direction = -H g.
      for (int j = 0; j < d; j++) direction[j] = -g[j];
      for (int k = 0; k < stored; k++) {
        int m = Math.floorMod(newest - k, HISTORY);
        alpha[m] = rho[m] * dot(s[m], direction);
        axpy(-alpha[m], yy[m], direction);
      }
      double gamma;
      if (stored > 0) {
        gamma = dot(s[newest], yy[newest]) / dot(yy[newest], yy[newest]);
      } else {
        gamma = 1 / Math.max(1, Math.sqrt(dot(g, g)));
      }
      for (int j = 0; j < d; j++) direction[j] *= gamma;
      for (int k = stored - 1; k >= 0; k--) {
        int m = Math.floorMod(newest - k, HISTORY);
        double b = rho[m] * dot(yy[m], direction);
        axpy(alpha[m] - b, s[m], direction);
      }
      double slope = dot(g, direction);
      if (!(slope < 0)) {
        // Not a descent direction (rounding): restart from the gradient.
        stored = 0;
        for (int j = 0; j < d; j++) direction[j] = -g[j] / Math.max(1, Math.sqrt(dot(g, g)));
        slope = dot(g, direction);
      }
      // Backtracking line search with the Armijo condition.
      double step = 1;
      double fNext = Double.NaN;
      boolean accepted = false;
      for (int halving = 0; halving < 40; halving++) {
        for (int j = 0; j < d; j++) next[j] = beta[j] + step * direction[j];
        fNext = f.valueAndGradient(next, gNext);
        if (fNext <= fx + 1e-4 * step * slope) {
          accepted = true;
          break;
        }
        step /= 2;
      }
      iterations++;
      if (!accepted) break;
      // The next pair goes to the oldest slot (reusing its arrays).
      int slot = (newest + 1) % HISTORY;
      if (s[slot] == null) {
        s[slot] = new double[d];
        yy[slot] = new double[d];
      }
      double[] sk = s[slot];
      double[] yk = yy[slot];
      for (int j = 0; j < d; j++) {
        sk[j] = next[j] - beta[j];
        yk[j] = gNext[j] - g[j];
      }
      double sy = dot(sk, yk);
      if (sy > 1e-12 * Math.sqrt(dot(yk, yk) * dot(sk, sk))) {
        newest = slot;
        rho[newest] = 1 / sy;
        stored = Math.min(stored + 1, HISTORY);
      } else if (stored == HISTORY) {
        stored--; // the oldest pair was overwritten
      }
      double decrease = fx - fNext;
      double[] t = beta;
      beta = next;
      next = t;
      t = g;
      g = gNext;
      gNext = t;
      fx = fNext;
      if (decrease <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(fx), Math.abs(fNext)))) {
        break;
      }
    }
    return new Model(
        beta[0],
        Arrays.copyOfRange(beta, 1, 1 + x.denseColumns()),
        Arrays.copyOfRange(beta, 1 + x.denseColumns(), d),
        lambda,
        iterations);
  }

  private static double maxAbs(double[] v) {
    double m = 0;
    for (double x : v) m = Math.max(m, Math.abs(x));
    return m;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) s += a[j] * b[j];
    return s;
  }

  private static void axpy(double a, double[] x, double[] y) {
    for (int j = 0; j < y.length; j++) y[j] += a * x[j];
  }

  /** The penalised negative log-likelihood and its gradient, summed in fixed row blocks. */
  private static final class Objective {
    private final SparseRows x;
    private final int[] y;
    private final double lambda;
    private final int[] bounds;
    private final double[][] partial;

    Objective(SparseRows x, int[] y, double lambda) {
      this.x = x;
      this.y = y;
      this.lambda = lambda;
      int n = x.rows();
      int blocks = Math.max(1, Math.min(BLOCKS, n / MIN_BLOCK_ROWS));
      bounds = new int[blocks + 1];
      for (int b = 0; b <= blocks; b++) bounds[b] = (int) ((long) n * b / blocks);
      partial = new double[blocks][];
    }

    double valueAndGradient(double[] beta, double[] gradient) {
      int blocks = bounds.length - 1;
      double[] loss = new double[blocks];
      IntStream stream = IntStream.range(0, blocks);
      if (blocks > 1) stream = stream.parallel();
      stream.forEach(
          b -> {
            double[] g = partial[b];
            if (g == null) partial[b] = g = new double[beta.length];
            else Arrays.fill(g, 0);
            double l = 0;
            for (int i = bounds[b]; i < bounds[b + 1]; i++) {
              double e = x.dot(i, beta);
              // -log sigmoid(s) with s = e for y = 1 and -e for y = 0, computed stably
              double sgn = y[i] == 1 ? e : -e;
              l += sgn >= 0 ? Math.log1p(Math.exp(-sgn)) : -sgn + Math.log1p(Math.exp(sgn));
              x.addScaled(i, LogisticRegression.sigmoid(e) - y[i], g);
            }
            loss[b] = l;
          });
      Arrays.fill(gradient, 0);
      double value = 0;
      for (int b = 0; b < blocks; b++) {
        value += loss[b];
        double[] g = partial[b];
        for (int j = 0; j < gradient.length; j++) gradient[j] += g[j];
      }
      double penalty = 0;
      for (int j = 1; j < beta.length; j++) {
        penalty += beta[j] * beta[j];
        gradient[j] += lambda * beta[j];
      }
      return value + lambda / 2 * penalty;
    }
  }

  /**
   * A fitted model: {@code p = sigmoid(intercept + dense . x_dense + sparse . x_sparse)}.
   *
   * @param intercept the unpenalised intercept
   * @param dense the weights of the dense columns
   * @param sparse the weights of the sparse columns
   * @param lambda the penalty it was fitted with
   * @param iterations the L-BFGS iterations it took
   */
  public record Model(
      double intercept, double[] dense, double[] sparse, double lambda, int iterations) {

    public Model {
      dense = dense.clone();
      sparse = sparse.clone();
    }

    @Override
    public double[] dense() {
      return dense.clone();
    }

    @Override
    public double[] sparse() {
      return sparse.clone();
    }

    /** The probability of label 1 for each row. */
    public double[] predictProbability(SparseRows rows) {
      if (rows.denseColumns() != dense.length || rows.sparseColumns() != sparse.length) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "the model reads %d dense and %d sparse columns, found %d and %d",
                dense.length,
                sparse.length,
                rows.denseColumns(),
                rows.sparseColumns()));
      }
      double[] w = packed();
      double[] out = new double[rows.rows()];
      for (int i = 0; i < out.length; i++) out[i] = LogisticRegression.sigmoid(rows.dot(i, w));
      return out;
    }

    /** In words, e.g. {@code "L2 lambda 1.0, 57 L-BFGS iterations"}. */
    public String description() {
      return String.format(Locale.ROOT, "L2 lambda %s, %d L-BFGS iterations", lambda, iterations);
    }

    double[] packed() {
      double[] b = new double[1 + dense.length + sparse.length];
      b[0] = intercept;
      System.arraycopy(dense, 0, b, 1, dense.length);
      System.arraycopy(sparse, 0, b, 1 + dense.length, sparse.length);
      return b;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Model m
          && Double.compare(m.intercept, intercept) == 0
          && Arrays.equals(m.dense, dense)
          && Arrays.equals(m.sparse, sparse)
          && Double.compare(m.lambda, lambda) == 0
          && m.iterations == iterations;
    }

    @Override
    public int hashCode() {
      return Objects.hash(intercept, Arrays.hashCode(dense), Arrays.hashCode(sparse), lambda);
    }

    @Override
    public String toString() {
      return "SparseLogisticRegression.Model[" + description() + "]";
    }
  }
}
