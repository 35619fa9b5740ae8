package io.marketlens.market.forecast;

/**
 * Point forecasts and their standard deviations for steps 1..h, from which the normal prediction
 * intervals are made ({@code mean +- z sd}).
 *
 * @param mean the point forecasts
 * @param sd the forecast standard deviations (0 when the model has no error, never NaN)
 */
record Prediction(double[] mean, double[] sd) {

  /** The 90% and 97.5% quantiles of the standard normal: half-widths of 80% and 95% intervals. */
  static final double Z80 = 1.2815515655446004;

  static final double Z95 = 1.959963984540054;

  int horizon() {
    return mean.length;
  }

  /**
   * Reseasonalises a prediction made on seasonally adjusted data: multiplies (or adds) the index of
   * each future time {@code t = n + h - 1} ({@code idx[t mod m]}).
   */
  Prediction reseasonalise(double[] idx, int n, boolean multiplicative) {
    int h = mean.length;
    double[] mu = new double[h];
    double[] s = new double[h];
    for (int i = 0; i < h; i++) {
      double f = idx[(n + i) % idx.length];
      mu[i] = multiplicative ? mean[i] * f : mean[i] + f;
      s[i] = multiplicative ? sd[i] * f : sd[i];
    }
    return new Prediction(mu, s);
  }
}
