package io.marketlens.market.forecast;

import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The facts about a series that the forecaster needs before fitting anything: length, seasonal
 * period and whether it is used, the MASE lag, and the value checks that decide which models apply
 * (positivity, constancy). Built once per series from its training values; the notes say which
 * fallbacks follow from it.
 *
 * <p>Immutable.
 */
final class SeriesProfile {

  /** The periods tried when the period is to be detected (quarterly, daily, monthly, ...). */
  static final int[] CANDIDATE_PERIODS = {4, 7, 12, 24, 52};

  /** The fewest values accepted. */
  static final int MIN_LENGTH = 3;

  final String id;
  final int n;
  final int period;
  final boolean seasonal;
  final int maseLag;
  final boolean positive;
  final boolean nonNegative;
  final boolean constant;
  final List<String> notes;

  private SeriesProfile(
      String id,
      int n,
      int period,
      boolean seasonal,
      int maseLag,
      boolean positive,
      boolean nonNegative,
      boolean constant,
      List<String> notes) {
    this.id = id;
    this.n = n;
    this.period = period;
    this.seasonal = seasonal;
    this.maseLag = maseLag;
    this.positive = positive;
    this.nonNegative = nonNegative;
    this.constant = constant;
    this.notes = List.copyOf(notes);
  }

  /**
   * Checks the values and decides the period.
   *
   * @throws InvalidInputException when there are fewer than 3 values or a value is not finite
   */
  static SeriesProfile of(String id, double[] y, ForecastOptions o) {
    if (y == null || y.length < MIN_LENGTH) {
      throw InvalidInputException.in(null)
          .key(id)
          .expected("a series of at least " + MIN_LENGTH + " values")
          .found(y == null ? "none" : y.length + " values")
          .build();
    }
    int n = y.length;
    boolean positive = true;
    boolean nonNegative = true;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < n; t++) {
      double v = y[t];
      if (!Double.isFinite(v)) {
        throw InvalidInputException.in(null)
            .key(id)
            .expected("finite values")
            .found(v + " at position " + (t + 1))
            .hint("fill or drop missing values first; SeriesAssembler interpolates gaps")
            .build();
      }
      positive &= v > 0;
      nonNegative &= v >= 0;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    List<String> notes = new ArrayList<>();
    boolean constant = min == max;
    if (constant)
      notes.add("constant series: every method forecasts the constant, intervals of zero width");
    int maseLag = o.period();
    int m = o.period();
    if (m == 0) {
      m = o.seasonality() == ForecastOptions.Seasonality.NEVER || constant ? 1 : detect(y, n);
      maseLag = m;
    }
    boolean seasonal = false;
    if (m >= 2 && !constant && o.seasonality() != ForecastOptions.Seasonality.NEVER) {
      if (n < 2 * m) {
        notes.add(
            String.format(
                Locale.ROOT,
                "fewer than two seasons (%d values, period %d): non-seasonal models only",
                n,
                m));
      } else {
        seasonal =
            o.seasonality() == ForecastOptions.Seasonality.ALWAYS || Seasonality.test(y, n, m);
      }
    }
    if (!positive && !constant) {
      notes.add(
          "values not all positive: multiplicative ETS forms left out, additive seasonal adjustment");
    }
    return new SeriesProfile(
        id,
        n,
        seasonal ? m : 1,
        seasonal,
        Math.max(1, maseLag),
        positive,
        nonNegative,
        constant,
        notes);
  }

  /**
   * The candidate period whose autocorrelation is the most significant by the 90% test, or 1. The
   * test runs on the first differences: a trend makes every low-lag autocorrelation large and would
   * favour the shortest candidate.
   */
  private static int detect(double[] y, int n) {
    double[] d = new double[n - 1];
    for (int t = 1; t < n; t++) d[t - 1] = y[t] - y[t - 1];
    int best = 1;
    double bestStat = Seasonality.CRITICAL_90;
    for (int p : CANDIDATE_PERIODS) {
      double s = Seasonality.statistic(d, n - 1, p);
      if (s > bestStat) {
        bestStat = s;
        best = p;
      }
    }
    return best;
  }

  /** Whether the first {@code len} values can carry the seasonal models. */
  boolean seasonalAt(int len) {
    return seasonal && len >= 2 * period;
  }
}
