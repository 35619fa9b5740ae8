package io.marketlens.market.forecast;

import java.util.Locale;

/**
 * The standard Theta method on a (seasonally adjusted) series: simple exponential smoothing with a
 * drift of half the slope of the linear trend, which is what the Theta method of Assimakopoulos and
 * Nikolopoulos (2000), "The theta model: a decomposition approach to forecasting", <i>International
 * Journal of Forecasting</i> 16:521-530, reduces to (Hyndman and Billah 2003, "Unmasking the Theta
 * method", <i>International Journal of Forecasting</i> 19:287-290).
 *
 * <p>As in {@code forecast::thetaf}: SES is ETS(A,N,N) fitted by maximum likelihood (alpha and the
 * initial level); {@code b} is the least-squares slope of the series on time; the forecast is
 * {@code l_n + b/2 ((h - 1) + (1 - (1 - alpha)^n) / alpha)}; the standard deviation is {@code sigma
 * sqrt(1 + (h - 1) alpha^2)}, that of SES.
 *
 * <p>Stateless apart from the estimator it is given; not thread-safe for that reason.
 */
final class ThetaMethod {

  private final EtsEstimator estimator;

  ThetaMethod(EtsEstimator estimator) {
    this.estimator = estimator;
  }

  /** A fitted Theta model, or null when SES cannot be fitted (fewer than 6 values). */
  Fit fit(double[] y, int n) {
    EtsModel ses =
        estimator.fit(EtsSpec.of(EtsSpec.Error.ADDITIVE, EtsSpec.Trend.NONE), y, n, null);
    if (ses == null) return null;
    return new Fit(ses, slope(y, n), n);
  }

  /** The least-squares slope of {@code y[0..n)} on {@code t = 0..n-1}. */
  static double slope(double[] y, int n) {
    double tm = (n - 1) / 2.0;
    double ym = 0;
    for (int t = 0; t < n; t++) ym += y[t];
    ym /= n;
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < n; t++) {
      sxy += (t - tm) * (y[t] - ym);
      sxx += (t - tm) * (t - tm);
    }
    return sxx > 0 ? sxy / sxx : 0;
  }

  /** A fitted standard Theta model. */
  static final class Fit {
    final EtsModel ses;
    final double slope;
    final int n;

    Fit(EtsModel ses, double slope, int n) {
      this.ses = ses;
      this.slope = slope;
      this.n = n;
    }

    Prediction forecast(int h) {
      double alpha = Math.max(1e-10, ses.alpha);
      double[] mu = new double[h];
      double[] sd = new double[h];
      double start = (1 - Math.pow(1 - alpha, n)) / alpha;
      double sigma = Math.sqrt(ses.sigma2);
      for (int i = 0; i < h; i++) {
        mu[i] = ses.level + slope / 2 * (i + start);
        sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
      }
      return new Prediction(mu, sd);
    }

    String describe() {
      return String.format(
          Locale.ROOT, "Theta(theta=2) alpha=%.4g drift=%.4g", ses.alpha, slope / 2);
    }
  }
}
