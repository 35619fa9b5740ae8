package io.marketlens.market.forecast;

/**
 * A series (or a window of it) with its seasonal component removed by classical decomposition,
 * multiplicative for positive data and additive otherwise (as statsmodels' {@code ThetaModel}
 * does), and the indices to put it back.
 *
 * @param adjusted the seasonally adjusted values (the values themselves when not seasonal)
 * @param indices the seasonal indices by {@code t mod m}, or null when not seasonal
 * @param multiplicative whether the indices divide (true) or subtract
 */
record SeasonalAdjustment(double[] adjusted, double[] indices, boolean multiplicative) {

  /** The adjustment of the first {@code n} values of {@code y}. */
  static SeasonalAdjustment of(double[] y, int n, SeriesProfile p) {
    if (!p.seasonalAt(n)) return new SeasonalAdjustment(y, null, false);
    boolean mul = p.positive;
    double[] idx = Seasonality.indices(y, n, p.period, mul);
    double[] adj = java.util.Arrays.copyOf(y, n);
    Seasonality.adjust(adj, n, idx, mul);
    return new SeasonalAdjustment(adj, idx, mul);
  }

  /** Puts the season back into a prediction made from the adjusted values of length {@code n}. */
  Prediction restore(Prediction p, int n) {
    return indices == null ? p : p.reseasonalise(indices, n, multiplicative);
  }
}
