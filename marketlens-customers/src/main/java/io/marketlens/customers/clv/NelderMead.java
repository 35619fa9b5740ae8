package io.marketlens.customers.clv;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Minimises a function by the Nelder-Mead simplex method (Nelder and Mead 1965), with the standard
 * coefficients (reflection 1, expansion 2, contraction 0.5, shrink 0.5) and restarts from the best
 * point until a restart no longer improves it (Lagarias et al. 1998 discuss why restarts help).
 * Deterministic. Non-finite function values are treated as +infinity.
 */
final class NelderMead {

  /** The best point found and its value. */
  record Minimum(double[] point, double value, int evaluations) {}

  private NelderMead() {}

  static Minimum minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxEval) {
    double[] best = start.clone();
    double bestValue = eval(f, best);
    int evals = 1;
    for (int restart = 0; restart < 10 && evals < maxEval; restart++) {
      Minimum m = once(f, best, step, maxEval - evals);
      evals += m.evaluations();
      boolean improved = m.value() < bestValue - 1e-10 * (1 + Math.abs(bestValue));
      if (m.value() < bestValue) {
        best = m.point();
        bestValue = m.value();
      }
      if (!improved && restart > 0) break;
    }
    return new Minimum(best, bestValue, evals);
  }

  private static Minimum once(ToDoubleFunction<double[]> f, double[] start, double step, int max) {
    int n = start.length;
    double[][] p = new double[n + 1][];
    double[] v = new double[n + 1];
    p[0] = start.clone();
    v[0] = eval(f, p[0]);
    for (int i = 0; i < n; i++) {
      p[i + 1] = start.clone();
      p[i + 1][i] += step;
      v[i + 1] = eval(f, p[i + 1]);
    }
    int evals = n + 1;
    Integer[] order = new Integer[n + 1];
    while (evals < max) {
      for (int i = 0; i <= n; i++) order[i] = i;
      final double[] vv = v;
      Arrays.sort(
          order,
          (a, b) ->
              Double.compare(vv[a], vv[b]) != 0
                  ? Double.compare(vv[a], vv[b])
                  : Integer.compare(a, b));
      double[][] sp = new double[n + 1][];
      double[] sv = new double[n + 1];
      for (int i = 0; i <= n; i++) {
        sp[i] = p[order[i]];
        sv[i] = v[order[i]];
      }
      p = sp;
      v = sv;
      if (Math.abs(v[n] - v[0]) <= 1e-12 * (1 + Math.abs(v[0])) && spread(p) < 1e-9) break;
      double[] centroid = new double[n];
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) centroid[j] += p[i][j] / n;
      double[] xr = along(centroid, p[n], 1);
      double fr = eval(f, xr);
      evals++;
      if (fr < v[0]) {
        double[] xe = along(centroid, p[n], 2);
        double fe = eval(f, xe);
        evals++;
        if (fe < fr) {
          p[n] = xe;
          v[n] = fe;
        } else {
          p[n] = xr;
          v[n] = fr;
        }
      } else if (fr < v[n - 1]) {
        p[n] = xr;
        v[n] = fr;
      } else {
        boolean outside = fr < v[n];
        double[] xc = along(centroid, p[n], outside ? 0.5 : -0.5);
        double fc = eval(f, xc);
        evals++;
        if (fc < (outside ? fr : v[n])) {
          p[n] = xc;
          v[n] = fc;
        } else {
          for (int i = 1; i <= n; i++) {
            for (int j = 0; j < n; j++) p[i][j] = p[0][j] + 0.5 * (p[i][j] - p[0][j]);
            v[i] = eval(f, p[i]);
          }
          evals += n;
        }
      }
    }
    int best = 0;
    for (int i = 1; i <= n; i++) if (v[i] < v[best]) best = i;
    return new Minimum(p[best].clone(), v[best], evals);
  }

  /** centroid + t (centroid - worst). */
  private static double[] along(double[] centroid, double[] worst, double t) {
    double[] x = new double[centroid.length];
    for (int j = 0; j < x.length; j++) x[j] = centroid[j] + t * (centroid[j] - worst[j]);
    return x;
  }

  private static double spread(double[][] p) {
    double s = 0;
    for (int i = 1; i < p.length; i++) {
      for (int j = 0; j < p[0].length; j++) s = Math.max(s, Math.abs(p[i][j] - p[0][j]));
    }
    return s;
  }

  private static double eval(ToDoubleFunction<double[]> f, double[] x) {
    double v = f.applyAsDouble(x);
    return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
  }
}
