package io.marketlens.market.forecast;

/**
 * The seasonality toolkit: the 90% autocorrelation test of the M3 Theta method and classical
 * seasonal decomposition.
 *
 * <p>The test is the one Assimakopoulos and Nikolopoulos (2000), "The theta model: a decomposition
 * approach to forecasting", <i>International Journal of Forecasting</i> 16:521-530, applied in the
 * M3 competition, as coded in {@code forecast::thetaf} (Hyndman and Billah 2003): the series is
 * seasonal at period m when {@code |r_m| > 1.645 * sqrt((1 + 2 * sum_{k<m} r_k^2) / n)}, Bartlett's
 * standard error of the lag-m autocorrelation under the hypothesis that only lags below m are
 * non-zero. The decomposition is the classical one (Macaulay 1931; R's {@code decompose}, Python's
 * {@code seasonal_decompose}): a centred moving average of order m (2 x m when m is even) as trend,
 * and seasonal indices that are the per-season means of the detrended values, normalised to average
 * 1 (multiplicative) or 0 (additive).
 *
 * <p>Stateless and thread-safe.
 */
final class Seasonality {

  /** The 95% quantile of the standard normal: a one-sided 5%, two-sided 10% test. */
  static final double CRITICAL_90 = 1.6448536269514722;

  private Seasonality() {}

  /**
   * Whether the first {@code n} values of {@code y} are seasonal at period {@code m} by the 90%
   * autocorrelation test. False when {@code m < 2}, when {@code n < 2m} or when the series is
   * constant.
   */
  static boolean test(double[] y, int n, int m) {
    if (m < 2 || n < 2 * m) return false;
    double[] r = acf(y, n, m);
    if (r == null) return false;
    double sum = 1.0;
    for (int k = 1; k < m; k++) sum += 2.0 * r[k] * r[k];
    return Math.abs(r[m]) > CRITICAL_90 * Math.sqrt(sum / n);
  }

  /**
   * The test statistic {@code |r_m| / se(r_m)} of {@link #test}, for choosing among candidate
   * periods; 0 when the test cannot be run.
   */
  static double statistic(double[] y, int n, int m) {
    if (m < 2 || n < 2 * m) return 0.0;
    double[] r = acf(y, n, m);
    if (r == null) return 0.0;
    double sum = 1.0;
    for (int k = 1; k < m; k++) sum += 2.0 * r[k] * r[k];
    return Math.abs(r[m]) / Math.sqrt(sum / n);
  }

  /** Sample autocorrelations r_0..r_maxLag (biased estimator, as R's acf), or null if constant. */
  static double[] acf(double[] y, int n, int maxLag) {
    double mean = 0;
    for (int t = 0; t < n; t++) mean += y[t];
    mean /= n;
    double c0 = 0;
    for (int t = 0; t < n; t++) c0 += (y[t] - mean) * (y[t] - mean);
    if (!(c0 > 0)) return null;
    double[] r = new double[maxLag + 1];
    r[0] = 1.0;
    for (int k = 1; k <= maxLag && k < n; k++) {
      double c = 0;
      for (int t = 0; t + k < n; t++) c += (y[t] - mean) * (y[t + k] - mean);
      r[k] = c / c0;
    }
    return r;
  }

  /**
   * Classical decomposition seasonal indices of the first {@code n} values: {@code idx[j]} is the
   * index of the times {@code t} with {@code t mod m == j} (t counted from 0 at the first value).
   * Needs {@code n >= 2m}. Multiplicative indices average 1, additive ones 0.
   */
  static double[] indices(double[] y, int n, int m, boolean multiplicative) {
    int half = m / 2;
    boolean even = m % 2 == 0;
    double[] sum = new double[m];
    int[] count = new int[m];
    // The centred moving average around t: m values (odd m), or m + 1 with half weights at the
    // ends.
    for (int t = half; t < n - half; t++) {
      double trend;
      double window;
      if (even) {
        window = 0;
        for (int k = -half + 1; k < half; k++) window += y[t + k];
        trend = (window + 0.5 * (y[t - half] + y[t + half])) / m;
      } else {
        window = 0;
        for (int k = -half; k <= half; k++) window += y[t + k];
        trend = window / m;
      }
      double d = multiplicative ? y[t] / trend : y[t] - trend;
      sum[t % m] += d;
      count[t % m]++;
    }
    double[] idx = new double[m];
    double total = 0;
    for (int j = 0; j < m; j++) {
      idx[j] = count[j] > 0 ? sum[j] / count[j] : (multiplicative ? 1.0 : 0.0);
      total += idx[j];
    }
    double mean = total / m;
    for (int j = 0; j < m; j++) idx[j] = multiplicative ? idx[j] / mean : idx[j] - mean;
    return idx;
  }

  /**
   * Seasonally adjusts the first {@code n} values in place with indices {@code idx} (divides or
   * subtracts {@code idx[t mod m]}).
   */
  static void adjust(double[] y, int n, double[] idx, boolean multiplicative) {
    int m = idx.length;
    for (int t = 0; t < n; t++) {
      y[t] = multiplicative ? y[t] / idx[t % m] : y[t] - idx[t % m];
    }
  }
}
