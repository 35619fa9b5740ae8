package io.marketlens.ml.tabular;

import java.util.List;
import java.util.Locale;

/**
 * L2-penalised logistic regression fitted by Newton's method (iteratively reweighted least squares)
 * with step halving. The intercept is not penalised. The penalty strength is the strongest of
 * {@link #lambdas()} whose ROC-AUC on the validation rows is within 0.002 of the best; the fit
 * itself uses only the training rows. Deterministic: no randomness, sums in row order.
 *
 * <p>The objective maximised is {@code sum_i w_i log L_i - lambda / 2 * ||beta||^2}, so {@code
 * lambda} is in units of rows: 1 is mild on thousands of rows.
 *
 * @param lambdas the candidate penalty strengths, each at least 0, tried from strongest to weakest
 * @param maxIterations Newton iterations per fit, at least 1
 */
public record LogisticRegression(List<Double> lambdas, int maxIterations)
    implements BinaryClassifier {

  /** The name used in results and options. */
  public static final String NAME = "logistic-regression";

  /**
   * The validation ROC-AUC a weaker penalty must gain to be preferred. Gains this small are far
   * inside the sampling noise of a validation split, while weak penalties let correlated features
   * (e.g. a price that is the sum of the services bought) take large offsetting weights.
   */
  static final double AUC_TOLERANCE = 0.002;

  public LogisticRegression {
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

  /** Lambdas 100, 30, 10, 3, 1, 0.3, 0.1 and 0.01; at most 100 Newton iterations. */
  public static LogisticRegression defaults() {
    return new LogisticRegression(List.of(100.0, 30.0, 10.0, 3.0, 1.0, 0.3, 0.1, 0.01), 100);
  }

  /** A single penalty strength (no choice on validation). */
  public static LogisticRegression withLambda(double lambda) {
    return new LogisticRegression(List.of(lambda), 100);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Model fit(TabularData train, TabularData validation, long seed) {
    if (lambdas.size() == 1) return fitWith(train, lambdas.get(0), null);
    Model[] models = new Model[lambdas.size()];
    double[] auc = new double[lambdas.size()];
    double bestAuc = Double.NEGATIVE_INFINITY;
    double[] start = null;
    for (int k = 0; k < models.length; k++) {
      models[k] = fitWith(train, lambdas.get(k), start);
      start = models[k].packed();
      auc[k] =
          Metrics.rocAuc(models[k].predictProbability(validation.features()), validation.labels());
      bestAuc = Math.max(bestAuc, auc[k]);
    }
    for (int k = 0; k < models.length; k++) {
      if (auc[k] >= bestAuc - AUC_TOLERANCE) return models[k];
    }
    throw new AssertionError("no model within tolerance of the best");
  }

  /** Fits with one penalty strength, starting from {@code start} (intercept first) or zero. */
  Model fitWith(TabularData data, double lambda, double[] start) {
    int d = data.columns() + 1;
    double[] beta = start != null ? start.clone() : initial(data, d);
    double objective = objective(data, beta, lambda);
    int iterations = 0;
    for (; iterations < maxIterations; iterations++) {
      double[] step = newtonStep(data, beta, lambda);
      double scale = 1;
      double[] next = beta;
      double nextObjective = objective;
      for (int halving = 0; halving < 30; halving++) {
        next = axpy(beta, step, scale);
        nextObjective = objective(data, next, lambda);
        if (nextObjective >= objective) break;
        scale /= 2;
      }
      if (nextObjective < objective) break; // no ascent direction left
      double change = 0;
      for (int j = 0; j < d; j++) change = Math.max(change, Math.abs(next[j] - beta[j]));
      beta = next;
      boolean converged =
          change < 1e-9 || nextObjective - objective < 1e-12 * (1 + Math.abs(objective));
      objective = nextObjective;
      if (converged) {
        iterations++;
        break;
      }
    }
    double[] coefficients = new double[d - 1];
    System.arraycopy(beta, 1, coefficients, 0, d - 1);
    return new Model(beta[0], coefficients, lambda, iterations);
  }

  private static double[] initial(TabularData data, int d) {
    double sw = 0;
    double swy = 0;
    for (int i = 0; i < data.rows(); i++) {
      sw += data.weight(i);
      swy += data.weight(i) * data.labels()[i];
    }
    double rate = Math.min(1 - 1e-6, Math.max(1e-6, swy / sw));
    double[] beta = new double[d];
    beta[0] = Math.log(rate / (1 - rate));
    return beta;
  }

  private static double[] newtonStep(TabularData data, double[] beta, double lambda) {
    int d = beta.length;
    double[] gradient = new double[d];
    double[][] hessian = new double[d][d];
    for (int i = 0; i < data.rows(); i++) {
      double[] x = data.features()[i];
      double p = sigmoid(eta(beta, x));
      double w = data.weight(i);
      double r = w * (data.labels()[i] - p);
      double h = w * p * (1 - p);
      gradient[0] += r;
      hessian[0][0] += h;
      for (int j = 1; j < d; j++) {
        double xj = x[j - 1];
        if (xj == 0) continue;
        gradient[j] += r * xj;
        double hx = h * xj;
        hessian[j][0] += hx;
        for (int k = 1; k <= j; k++) hessian[j][k] += hx * x[k - 1];
      }
    }
    for (int j = 1; j < d; j++) {
      gradient[j] -= lambda * beta[j];
      hessian[j][j] += lambda + 1e-10;
    }
    hessian[0][0] += 1e-10;
    return Cholesky.solve(hessian, gradient);
  }

  private static double objective(TabularData data, double[] beta, double lambda) {
    double ll = 0;
    for (int i = 0; i < data.rows(); i++) {
      double e = eta(beta, data.features()[i]);
      // log sigmoid(e) for y = 1, log sigmoid(-e) for y = 0, computed stably
      double s = data.labels()[i] == 1 ? e : -e;
      ll += data.weight(i) * (s >= 0 ? -Math.log1p(Math.exp(-s)) : s - Math.log1p(Math.exp(s)));
    }
    double penalty = 0;
    for (int j = 1; j < beta.length; j++) penalty += beta[j] * beta[j];
    return ll - lambda / 2 * penalty;
  }

  private static double eta(double[] beta, double[] x) {
    double e = beta[0];
    for (int j = 0; j < x.length; j++) e += beta[j + 1] * x[j];
    return e;
  }

  private static double[] axpy(double[] x, double[] step, double scale) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) out[j] = x[j] + scale * step[j];
    return out;
  }

  static double sigmoid(double e) {
    return e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e));
  }

  /**
   * A fitted logistic regression: {@code p = sigmoid(intercept + coefficients . x)}.
   *
   * @param intercept the unpenalised intercept
   * @param coefficients one weight per feature
   * @param lambda the penalty it was fitted with
   * @param iterations the Newton iterations it took
   */
  public record Model(double intercept, double[] coefficients, double lambda, int iterations)
      implements BinaryModel {

    public Model {
      coefficients = coefficients.clone();
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return String.format(Locale.ROOT, "L2 lambda %s, %d Newton iterations", lambda, iterations);
    }

    @Override
    public int featureCount() {
      return coefficients.length;
    }

    @Override
    public double[] coefficients() {
      return coefficients.clone();
    }

    /** The log-odds of label 1 for one row. */
    public double logOdds(double[] row) {
      double e = intercept;
      for (int j = 0; j < coefficients.length; j++) e += coefficients[j] * row[j];
      return e;
    }

    @Override
    public double[] predictProbability(double[][] rows) {
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) out[i] = sigmoid(logOdds(rows[i]));
      return out;
    }

    double[] packed() {
      double[] b = new double[coefficients.length + 1];
      b[0] = intercept;
      System.arraycopy(coefficients, 0, b, 1, coefficients.length);
      return b;
    }
  }
}
