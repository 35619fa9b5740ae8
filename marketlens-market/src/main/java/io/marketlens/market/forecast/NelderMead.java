package io.marketlens.market.forecast;

import java.util.Arrays;

/**
 * A Nelder-Mead simplex minimiser over {@code double[]}: the derivative-free optimiser R's {@code
 * optim} uses by default and {@code forecast::ets} uses for exponential smoothing.
 *
 * <p>Nelder, J. A. and Mead, R. (1965), "A simplex method for function minimization", <i>The
 * Computer Journal</i> 7(4):308-313; coefficients and stopping rule as in R's {@code nmmin}
 * (reflection 1, expansion 2, contraction 0.5, shrink 0.5; stop when the spread of the simplex
 * values is below {@code reltol * (|f_best| + reltol)}). The objective may return {@code +Infinity}
 * outside the feasible region, which is how bounds are imposed (as {@code ets} does).
 *
 * <p>Not thread-safe: one instance holds the work arrays of one minimisation at a time. Reuse an
 * instance for many minimisations of the same dimension to avoid allocation.
 */
final class NelderMead {

  /** The function to minimise. */
  @FunctionalInterface
  interface Objective {
    double value(double[] x);
  }

  private final int dim;
  private final double[][] simplex;
  private final double[] values;
  private final double[] centroid;
  private final double[] trial;
  private final double[] trial2;
  private int evaluations;

  NelderMead(int dim) {
    this.dim = dim;
    this.simplex = new double[dim + 1][dim];
    this.values = new double[dim + 1];
    this.centroid = new double[dim];
    this.trial = new double[dim];
    this.trial2 = new double[dim];
  }

  /** The number of objective evaluations of the last call to {@link #minimise}. */
  int evaluations() {
    return evaluations;
  }

  /**
   * Minimises {@code f} from {@code start}, whose value must be finite; the initial simplex steps
   * {@code steps[i]} away from the start along each axis. The best point is written back into
   * {@code start}.
   *
   * @return the objective at the best point
   */
  double minimise(Objective f, double[] start, double[] steps, double reltol, int maxEvaluations) {
    evaluations = 0;
    System.arraycopy(start, 0, simplex[0], 0, dim);
    values[0] = eval(f, simplex[0]);
    for (int i = 1; i <= dim; i++) {
      System.arraycopy(start, 0, simplex[i], 0, dim);
      simplex[i][i - 1] += steps[i - 1];
      values[i] = eval(f, simplex[i]);
      if (values[i] == Double.POSITIVE_INFINITY) {
        // Step the other way when the first vertex leaves the feasible region.
        simplex[i][i - 1] = start[i - 1] - steps[i - 1];
        values[i] = eval(f, simplex[i]);
      }
    }
    while (evaluations < maxEvaluations) {
      int best = 0;
      int worst = 0;
      for (int i = 1; i <= dim; i++) {
        if (values[i] < values[best]) best = i;
        if (values[i] > values[worst]) worst = i;
      }
      int second = best;
      for (int i = 0; i <= dim; i++) {
        if (i != worst && values[i] > values[second]) second = i;
      }
      double spread = values[worst] - values[best];
      if (spread <= reltol * (Math.abs(values[best]) + reltol)) break;
      centroidExcept(worst);
      double fr = pointAlong(f, worst, 1.0, trial);
      if (fr < values[best]) {
        double fe = pointAlong(f, worst, 2.0, trial2);
        if (fe < fr) accept(worst, trial2, fe);
        else accept(worst, trial, fr);
      } else if (fr < values[second]) {
        accept(worst, trial, fr);
      } else {
        boolean outside = fr < values[worst];
        double fc = pointAlong(f, worst, outside ? 0.5 : -0.5, trial2);
        if (fc < Math.min(fr, values[worst])) {
          accept(worst, trial2, fc);
        } else if (outside && fr < values[worst]) {
          accept(worst, trial, fr);
          shrink(f, best);
        } else {
          shrink(f, best);
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= dim; i++) if (values[i] < values[best]) best = i;
    System.arraycopy(simplex[best], 0, start, 0, dim);
    return values[best];
  }

  private double eval(Objective f, double[] x) {
    evaluations++;
    double v = f.value(x);
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }

  private void centroidExcept(int worst) {
    Arrays.fill(centroid, 0.0);
    for (int i = 0; i <= dim; i++) {
      if (i == worst) continue;
      for (int j = 0; j < dim; j++) centroid[j] += simplex[i][j];
    }
    for (int j = 0; j < dim; j++) centroid[j] /= dim;
  }

  /** The point centroid + coef * (centroid - worst), written into {@code out}, and its value. */
  private double pointAlong(Objective f, int worst, double coef, double[] out) {
    double[] w = simplex[worst];
    for (int j = 0; j < dim; j++) out[j] = centroid[j] + coef * (centroid[j] - w[j]);
    return eval(f, out);
  }

  private void accept(int index, double[] point, double value) {
    System.arraycopy(point, 0, simplex[index], 0, dim);
    values[index] = value;
  }

  private void shrink(Objective f, int best) {
    double[] b = simplex[best];
    for (int i = 0; i <= dim; i++) {
      if (i == best) continue;
      for (int j = 0; j < dim; j++) simplex[i][j] = b[j] + 0.5 * (simplex[i][j] - b[j]);
      values[i] = eval(f, simplex[i]);
    }
  }
}
