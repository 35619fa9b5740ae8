package io.marketlens.market.forecast;

import java.util.Locale;

/**
 * The dynamic optimised Theta model (DOTM) of Fiorucci, Pellegrini, Louzada, Petropoulos and
 * Koehler (2016), "Models for optimising the theta method and their relationship to state space
 * models", <i>International Journal of Forecasting</i> 32:1151-1161, §3.2-3.3, on a (seasonally
 * adjusted) series.
 *
 * <p>The model, for {@code t = 1..n}:
 *
 * <pre>
 *   mu_{t+1} = l_t + (1 - 1/theta) [ (1 - alpha)^t A_t + (1 - (1 - alpha)^(t+1)) / alpha B_t ]
 *   l_t      = alpha y_t + (1 - alpha) l_{t-1}
 *   B_t      = ((t - 2) B_{t-1} + 6 (y_t - ybar_{t-1}) / t) / (t + 1),  A_t = ybar_t - (t + 1)/2 B_t
 * </pre>
 *
 * where {@code A_t, B_t} are the intercept and slope of the least-squares line through {@code
 * y_1..y_t}, updated as each value arrives ({@code A_1 = y_1, B_1 = 0}). The parameters {@code
 * (l_0, alpha, theta)} minimise the sum of squared one-step errors from {@code t = 3}, with {@code
 * 0.1 <= alpha <= 0.99} and {@code theta >= 1}; the forecasts run the recursion on with the
 * forecasts in place of the data. Standard theta (theta = 2 with fixed A, B) and SES (theta = 1)
 * are special cases. The forecast standard deviation is that of SES with the fitted alpha, {@code
 * sigma sqrt(1 + (h - 1) alpha^2)}, a closed-form stand-in for the simulation of the reference
 * implementation ({@code forecTheta::dotm}).
 *
 * <p>Not thread-safe: an instance holds work arrays.
 */
final class DynamicTheta {

  private static final double ALPHA_LOWER = 0.1;
  private static final double ALPHA_UPPER = 0.99;

  /** A fitted DOTM, or null when the series is too short (fewer than 5 values). */
  Fit fit(double[] y, int n) {
    if (n < 5) return null;
    double scale = 0;
    for (int t = 0; t < n; t++) scale += Math.abs(y[t]);
    scale = scale > 0 ? scale / n : 1.0;
    double[] ys = new double[n];
    for (int t = 0; t < n; t++) ys[t] = y[t] / scale;
    double[] x = {ys[0] / 2, 0.5, 2.0};
    double[] steps = {Math.max(0.1 * Math.abs(x[0]), 0.05), 0.1, 0.5};
    NelderMead.Objective sse = p -> sse(ys, n, p[0], p[1], p[2]);
    new NelderMead(3).minimise(sse, x, steps, 1e-8, 1000);
    double sigma2 = sse(ys, n, x[0], x[1], x[2]) / Math.max(1, n - 2 - 3) * scale * scale;
    return new Fit(y, n, x[0] * scale, x[1], x[2], sigma2);
  }

  /** Sum of squared one-step errors from the third value on; +Infinity outside the bounds. */
  static double sse(double[] y, int n, double l0, double alpha, double theta) {
    if (alpha < ALPHA_LOWER || alpha > ALPHA_UPPER || theta < 1) return Double.POSITIVE_INFINITY;
    double w = 1 - 1 / theta;
    double l = alpha * y[0] + (1 - alpha) * l0;
    double mean = y[0];
    double a = y[0];
    double b = 0;
    double decay = 1 - alpha;
    double power = decay; // (1 - alpha)^t at t = 1
    double sum = 0;
    for (int t = 1; t < n; t++) {
      // t values seen (1-based time t); predict value t + 1.
      double mu = l + w * (a * power + b * (1 - power * decay) / alpha);
      if (t >= 2) {
        double e = y[t] - mu;
        sum += e * e;
      }
      double yt = y[t];
      l = alpha * yt + decay * l;
      double prevMean = mean;
      mean = (t * mean + yt) / (t + 1);
      b = ((t - 1) * b + 6 * (yt - prevMean) / (t + 1)) / (t + 2);
      a = mean - b * (t + 2) / 2;
      power *= decay;
    }
    return Double.isFinite(sum) ? sum : Double.POSITIVE_INFINITY;
  }

  /** A fitted DOTM. */
  static final class Fit {
    final double l0;
    final double alpha;
    final double theta;
    final double sigma2;
    private final double[] y;
    private final int n;

    Fit(double[] y, int n, double l0, double alpha, double theta, double sigma2) {
      this.y = y;
      this.n = n;
      this.l0 = l0;
      this.alpha = alpha;
      this.theta = theta;
      this.sigma2 = sigma2;
    }

    Prediction forecast(int h) {
      double w = 1 - 1 / theta;
      double decay = 1 - alpha;
      double l = alpha * y[0] + decay * l0;
      double mean = y[0];
      double a = y[0];
      double b = 0;
      double power = decay;
      double[] mu = new double[h];
      for (int t = 1; t < n + h; t++) {
        double f = l + w * (a * power + b * (1 - power * decay) / alpha);
        double yt = t < n ? y[t] : f;
        if (t >= n) mu[t - n] = f;
        l = alpha * yt + decay * l;
        double prevMean = mean;
        mean = (t * mean + yt) / (t + 1);
        b = ((t - 1) * b + 6 * (yt - prevMean) / (t + 1)) / (t + 2);
        a = mean - b * (t + 2) / 2;
        power *= decay;
      }
      double[] sd = new double[h];
      double sigma = Math.sqrt(sigma2);
      for (int i = 0; i < h; i++) sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
      return new Prediction(mu, sd);
    }

    String describe() {
      return String.format(Locale.ROOT, "DOTM alpha=%.4g theta=%.4g", alpha, theta);
    }
  }
}
