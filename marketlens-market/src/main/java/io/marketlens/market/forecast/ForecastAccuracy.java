package io.marketlens.market.forecast;

/**
 * Forecast accuracy measures with the conventions of the M3 competition as recomputed by Hyndman
 * (the datasets README, §5): sMAPE and MASE.
 *
 * <p>sMAPE is the mean over the points of {@code 200 |y - f| / (|y| + |f|)} (a point where both are
 * 0 counts 0). MASE is the mean absolute error divided by the in-sample mean absolute difference at
 * lag m (Hyndman and Koehler 2006, "Another look at measures of forecast accuracy",
 * <i>International Journal of Forecasting</i> 22:679-688), with m the seasonal period of the data
 * (1 for yearly data). Stateless and thread-safe.
 */
public final class ForecastAccuracy {

  private ForecastAccuracy() {}

  /** The symmetric mean absolute percentage error, in percent (0 to 200). */
  public static double smape(double[] actual, double[] forecast) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = Math.abs(actual[i]) + Math.abs(forecast[i]);
      if (d > 0) s += 200 * Math.abs(actual[i] - forecast[i]) / d;
    }
    return s / actual.length;
  }

  /**
   * The mean absolute scaled error of {@code forecast} against {@code actual}, scaled by {@link
   * #scale(double[], int, int) scale(insample, insample.length, lag)}.
   */
  public static double mase(double[] actual, double[] forecast, double[] insample, int lag) {
    return meanAbsoluteError(actual, forecast) / scale(insample, insample.length, lag);
  }

  /** The mean absolute error. */
  public static double meanAbsoluteError(double[] actual, double[] forecast) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) s += Math.abs(actual[i] - forecast[i]);
    return s / actual.length;
  }

  /**
   * The MASE denominator: the mean of {@code |y_t - y_{t-lag}|} over the first {@code n} values.
   * Stated fallbacks keep it positive: lag 1 when {@code n <= lag} or the lag-m differences are all
   * 0; then the mean absolute value; then 1 (an all-zero series).
   */
  public static double scale(double[] insample, int n, int lag) {
    double s = lag >= 1 && n > lag ? meanAbsDiff(insample, n, lag) : 0;
    if (s > 0) return s;
    s = n > 1 ? meanAbsDiff(insample, n, 1) : 0;
    if (s > 0) return s;
    double a = 0;
    for (int t = 0; t < n; t++) a += Math.abs(insample[t]);
    return a > 0 ? a / n : 1.0;
  }

  private static double meanAbsDiff(double[] y, int n, int lag) {
    double s = 0;
    for (int t = lag; t < n; t++) s += Math.abs(y[t] - y[t - lag]);
    return s / (n - lag);
  }
}
