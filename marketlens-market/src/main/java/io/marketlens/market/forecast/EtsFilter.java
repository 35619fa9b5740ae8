package io.marketlens.market.forecast;

/**
 * The recursions of an ETS model run over a series: one-step forecasts, errors, the likelihood and
 * the final states, for given smoothing parameters and initial states.
 *
 * <p>Hyndman, Koehler, Ord and Snyder (2008), <i>Forecasting with Exponential Smoothing: the State
 * Space Approach</i>, Springer, Table 2.3, written in component form, which is the same for
 * additive and multiplicative errors (only the likelihood differs):
 *
 * <pre>
 *   yhat_t = (l + phi b) + s        or (l + phi b) * s          (additive / multiplicative season)
 *   l_t    = alpha (y_t - s) + (1 - alpha)(l + phi b)           (y_t / s when multiplicative)
 *   b_t    = beta/alpha (l_t - l) + (1 - beta/alpha) phi b
 *   s_t    = gamma (y_t - (l + phi b)) + (1 - gamma) s          (y_t / (l + phi b) when multiplicative)
 * </pre>
 *
 * with {@code phi = 1} for an undamped trend and {@code b = 0} without one. The log-likelihood is
 * the concentrated Gaussian one of Hyndman et al. (2008, §5.2), also used by statsmodels' {@code
 * ETSModel.loglike}: {@code -n/2 (log(2 pi sse/n) + 1) - sum log|yhat_t|}, the last sum only for
 * multiplicative errors, where the errors are relative, {@code (y - yhat) / yhat}.
 *
 * <p>Not thread-safe: an instance owns the work arrays of one series.
 */
final class EtsFilter {

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  /** Floor of sse/n, so that an exact fit gives a finite likelihood. */
  private static final double MIN_MSE = 1e-24;

  private final EtsSpec spec;
  private final double[] y;
  private final int n;
  private final double[] season;

  private double sse;
  private double logSum;
  private double level;
  private double slope;

  /** A filter over the first {@code n} values of {@code y} (which it reads, never writes). */
  EtsFilter(EtsSpec spec, double[] y, int n) {
    this.spec = spec;
    this.y = y;
    this.n = n;
    this.season = new double[spec.period()];
  }

  int length() {
    return n;
  }

  /**
   * Runs the recursions. {@code s0[j]} is the initial seasonal state of the times {@code t} with
   * {@code t mod m == j} (ignored without a season). {@code fitted}, when not null, receives the
   * one-step forecasts.
   *
   * @return false when the model is not defined on this series at these values: a one-step forecast
   *     or, for a multiplicative season, a level-plus-trend that is not positive while the model
   *     needs it to be
   */
  boolean run(
      double alpha,
      double beta,
      double gamma,
      double phi,
      double l0,
      double b0,
      double[] s0,
      double[] fitted) {
    boolean trend = spec.hasTrend();
    double ph = spec.damped() ? phi : 1.0;
    double betaStar = trend ? beta / alpha : 0.0;
    double b = trend ? b0 : 0.0;
    boolean ok =
        switch (spec.season()) {
          case NONE -> runNonSeasonal(alpha, betaStar, ph, l0, b, fitted);
          case ADDITIVE -> runAdditive(alpha, betaStar, gamma, ph, l0, b, s0, fitted);
          case MULTIPLICATIVE -> runMultiplicative(alpha, betaStar, gamma, ph, l0, b, s0, fitted);
        };
    return ok && Double.isFinite(sse) && Double.isFinite(level);
  }

  // The three loops below differ only in the season; they are kept apart so that the hot loop has
  // no switch in it. Sums of log|yhat| are taken as logs of products of up to 16 terms, which
  // saves most of the logarithms (products are flushed early before they could overflow).

  private boolean runNonSeasonal(
      double alpha, double betaStar, double ph, double l, double b, double[] fitted) {
    boolean mulError = spec.error() == EtsSpec.Error.MULTIPLICATIVE;
    double e2 = 0;
    double lg = 0;
    double prod = 1;
    int terms = 0;
    for (int t = 0; t < n; t++) {
      double yt = y[t];
      double yhat = l + ph * b;
      double e;
      if (mulError) {
        if (!(yhat > 0)) return false;
        e = (yt - yhat) / yhat;
        prod *= yhat;
        if (++terms == 16 || prod > 1e150 || prod < 1e-150) {
          lg += Math.log(prod);
          prod = 1;
          terms = 0;
        }
      } else {
        e = yt - yhat;
      }
      e2 += e * e;
      if (fitted != null) fitted[t] = yhat;
      double lNew = alpha * yt + (1 - alpha) * yhat;
      b = betaStar * (lNew - l) + (1 - betaStar) * ph * b;
      l = lNew;
    }
    return finish(e2, lg + Math.log(prod), l, b);
  }

  private boolean runAdditive(
      double alpha,
      double betaStar,
      double gamma,
      double ph,
      double l,
      double b,
      double[] s0,
      double[] fitted) {
    boolean mulError = spec.error() == EtsSpec.Error.MULTIPLICATIVE;
    int m = season.length;
    System.arraycopy(s0, 0, season, 0, m);
    double e2 = 0;
    double lg = 0;
    double prod = 1;
    int terms = 0;
    for (int t = 0, j = 0; t < n; t++) {
      double yt = y[t];
      double lb = l + ph * b;
      double s = season[j];
      double yhat = lb + s;
      double e;
      if (mulError) {
        if (!(yhat > 0)) return false;
        e = (yt - yhat) / yhat;
        prod *= yhat;
        if (++terms == 16 || prod > 1e150 || prod < 1e-150) {
          lg += Math.log(prod);
          prod = 1;
          terms = 0;
        }
      } else {
        e = yt - yhat;
      }
      e2 += e * e;
      if (fitted != null) fitted[t] = yhat;
      double lNew = alpha * (yt - s) + (1 - alpha) * lb;
      season[j] = gamma * (yt - lb) + (1 - gamma) * s;
      b = betaStar * (lNew - l) + (1 - betaStar) * ph * b;
      l = lNew;
      if (++j == m) j = 0;
    }
    return finish(e2, lg + Math.log(prod), l, b);
  }

  private boolean runMultiplicative(
      double alpha,
      double betaStar,
      double gamma,
      double ph,
      double l,
      double b,
      double[] s0,
      double[] fitted) {
    boolean mulError = spec.error() == EtsSpec.Error.MULTIPLICATIVE;
    int m = season.length;
    System.arraycopy(s0, 0, season, 0, m);
    double e2 = 0;
    double lg = 0;
    double prod = 1;
    int terms = 0;
    for (int t = 0, j = 0; t < n; t++) {
      double yt = y[t];
      double lb = l + ph * b;
      if (!(lb > 0)) return false;
      double s = season[j];
      double yhat = lb * s;
      double e;
      if (mulError) {
        if (!(yhat > 0)) return false;
        e = (yt - yhat) / yhat;
        prod *= yhat;
        if (++terms == 16 || prod > 1e150 || prod < 1e-150) {
          lg += Math.log(prod);
          prod = 1;
          terms = 0;
        }
      } else {
        e = yt - yhat;
      }
      e2 += e * e;
      if (fitted != null) fitted[t] = yhat;
      double lNew = alpha * (yt / s) + (1 - alpha) * lb;
      season[j] = gamma * (yt / lb) + (1 - gamma) * s;
      b = betaStar * (lNew - l) + (1 - betaStar) * ph * b;
      l = lNew;
      if (++j == m) j = 0;
    }
    return finish(e2, lg + Math.log(prod), l, b);
  }

  private boolean finish(double e2, double lg, double l, double b) {
    this.sse = e2;
    this.logSum = lg;
    this.level = l;
    this.slope = b;
    return true;
  }

  /** The sum of squared (relative, for multiplicative errors) one-step errors of the last run. */
  double sse() {
    return sse;
  }

  /** The log-likelihood of the last run. */
  double logLikelihood() {
    double mse = Math.max(sse / n, MIN_MSE);
    return -0.5 * n * (LOG_2PI + Math.log(mse) + 1) - logSum;
  }

  /** {@code -2 log L} up to a constant: what the estimator minimises. */
  double objective() {
    return n * Math.log(Math.max(sse / n, MIN_MSE)) + 2 * logSum;
  }

  double finalLevel() {
    return level;
  }

  double finalSlope() {
    return slope;
  }

  /** The seasonal states after the last run, indexed like {@code s0} ({@code t mod m}). */
  double[] finalSeason() {
    return season.clone();
  }
}
