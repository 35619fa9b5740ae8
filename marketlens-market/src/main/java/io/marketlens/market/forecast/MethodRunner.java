package io.marketlens.market.forecast;

import java.util.Arrays;
import java.util.Locale;

/**
 * The runner that fits one forecasting method to a window of a series and forecasts from it, with
 * the stated fallbacks: a constant series gets the constant; a method that cannot be fitted on so
 * few values, or whose forecast is not finite, gets the naive forecast (and says so); a
 * non-negative series gets forecasts floored at 0.
 *
 * <p>Not thread-safe: it owns the estimators; each worker uses its own runner.
 */
final class MethodRunner {

  private final EtsEstimator estimator = new EtsEstimator(false);
  private final AutoEts autoEts = new AutoEts(estimator, false);
  private final ThetaMethod theta = new ThetaMethod(estimator);
  private final DynamicTheta dotm = new DynamicTheta();

  /**
   * Fits {@code method} to {@code y[0..n)} and forecasts {@code h} steps.
   *
   * @param sa the seasonal adjustment of the same window
   * @param warmEts an ETS model fitted on the whole series: when given, its form is refitted here
   *     (from its parameters) instead of searching all forms again
   */
  Fitted fit(
      ForecastMethod method,
      double[] y,
      int n,
      int h,
      SeriesProfile p,
      SeasonalAdjustment sa,
      EtsModel warmEts) {
    if (p.constant) {
      return new Fitted(method, "constant " + fmt(y[0]), constant(y[0], h), null, null);
    }
    Fitted f =
        switch (method) {
          case NAIVE -> naive(y, n, h);
          case SEASONAL_NAIVE -> seasonalNaive(y, n, h, p.maseLag);
          case ETS -> ets(y, n, h, p, warmEts);
          case THETA -> theta(y, n, h, sa);
          case OPTIMISED_THETA -> dotm(y, n, h, sa);
          case COMBINATION -> throw new IllegalArgumentException("not a base method");
        };
    if (!finite(f.prediction())) return fallback(method, y, n, h, "forecast not finite");
    return p.nonNegative ? floor(f) : f;
  }

  private static boolean finite(Prediction p) {
    for (int i = 0; i < p.horizon(); i++) {
      if (!Double.isFinite(p.mean()[i]) || !Double.isFinite(p.sd()[i])) return false;
    }
    return true;
  }

  private Fitted ets(double[] y, int n, int h, SeriesProfile p, EtsModel warm) {
    EtsModel m = null;
    if (warm != null && (!warm.spec.seasonal() || p.seasonalAt(n))) {
      m = estimator.fit(warm.spec, y, n, warm);
    }
    if (m == null) m = autoEts.select(y, n, p.positive, p.seasonalAt(n) ? p.period : 1);
    if (m == null) return fallback(ForecastMethod.ETS, y, n, h, "too few values for ETS");
    return new Fitted(ForecastMethod.ETS, m.describe(), m.forecast(h), m, null);
  }

  private Fitted theta(double[] y, int n, int h, SeasonalAdjustment sa) {
    ThetaMethod.Fit f = theta.fit(sa.adjusted(), n);
    if (f == null) return fallback(ForecastMethod.THETA, y, n, h, "too few values for Theta");
    return new Fitted(
        ForecastMethod.THETA,
        f.describe() + seasonLabel(sa),
        sa.restore(f.forecast(h), n),
        null,
        null);
  }

  private Fitted dotm(double[] y, int n, int h, SeasonalAdjustment sa) {
    DynamicTheta.Fit f = dotm.fit(sa.adjusted(), n);
    if (f == null)
      return fallback(ForecastMethod.OPTIMISED_THETA, y, n, h, "too few values for DOTM");
    return new Fitted(
        ForecastMethod.OPTIMISED_THETA,
        f.describe() + seasonLabel(sa),
        sa.restore(f.forecast(h), n),
        null,
        null);
  }

  private static String seasonLabel(SeasonalAdjustment sa) {
    if (sa.indices() == null) return "";
    return (sa.multiplicative() ? ", multiplicative" : ", additive")
        + " seasonal adjustment (period "
        + sa.indices().length
        + ")";
  }

  private static Fitted fallback(ForecastMethod method, double[] y, int n, int h, String why) {
    Fitted naive = naive(y, n, h);
    return new Fitted(
        method, "naive (" + why + ")", naive.prediction(), null, why + ": naive used");
  }

  /** The random walk: the last value, with variance growing linearly in h. */
  static Fitted naive(double[] y, int n, int h) {
    double s2 = 0;
    for (int t = 1; t < n; t++) s2 += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
    double sigma = Math.sqrt(s2 / Math.max(1, n - 1));
    double[] mu = new double[h];
    double[] sd = new double[h];
    for (int i = 0; i < h; i++) {
      mu[i] = y[n - 1];
      sd[i] = sigma * Math.sqrt(i + 1);
    }
    return new Fitted(ForecastMethod.NAIVE, "naive", new Prediction(mu, sd), null, null);
  }

  /**
   * The seasonal random walk {@code f_h = y[n - m + (h - 1) mod m]}; the naive forecast when {@code
   * m < 2} or the window is not longer than one season.
   */
  static Fitted seasonalNaive(double[] y, int n, int h, int m) {
    if (m < 2 || n <= m) {
      Fitted naive = naive(y, n, h);
      return new Fitted(ForecastMethod.SEASONAL_NAIVE, "naive", naive.prediction(), null, null);
    }
    double s2 = 0;
    for (int t = m; t < n; t++) s2 += (y[t] - y[t - m]) * (y[t] - y[t - m]);
    double sigma = Math.sqrt(s2 / (n - m));
    double[] mu = new double[h];
    double[] sd = new double[h];
    for (int i = 0; i < h; i++) {
      mu[i] = y[n - m + i % m];
      sd[i] = sigma * Math.sqrt(i / m + 1);
    }
    return new Fitted(
        ForecastMethod.SEASONAL_NAIVE,
        "seasonal naive (period " + m + ")",
        new Prediction(mu, sd),
        null,
        null);
  }

  private static Prediction constant(double value, int h) {
    double[] mu = new double[h];
    Arrays.fill(mu, value);
    return new Prediction(mu, new double[h]);
  }

  private static Fitted floor(Fitted f) {
    double[] mu = f.prediction().mean();
    boolean any = false;
    for (double v : mu) any |= v < 0;
    if (!any) return f;
    double[] c = mu.clone();
    for (int i = 0; i < c.length; i++) c[i] = Math.max(0, c[i]);
    return new Fitted(
        f.method(), f.model(), new Prediction(c, f.prediction().sd()), f.ets(), f.fallback());
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
