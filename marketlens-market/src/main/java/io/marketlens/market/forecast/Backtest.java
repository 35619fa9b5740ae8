package io.marketlens.market.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rolling-origin evaluation on a series' training values: each method is refitted on the values
 * before each origin and scored on the values after it (Tashman 2000, "Out-of-sample tests of
 * forecasting accuracy: an analysis and review", <i>International Journal of Forecasting</i>
 * 16:437-450).
 *
 * <p>Origins: the backtest horizon is {@code hb = min(h, n - minTrain)} with {@code minTrain =
 * max(8, 2m)} for a seasonal series ({@code 8} otherwise); the last origin is {@code n - hb}, and
 * the {@code k} origins step back from it by {@code max(1, hb / k)} (less when the series is too
 * short for that), never before {@code minTrain}. Each origin forecasts {@code hb} steps. The
 * season test and the ETS form come from the whole training series (the ETS parameters are
 * re-estimated at every origin); everything else is refitted from the window alone, so that only
 * training values are used.
 *
 * <p>Not thread-safe: it uses the caller's {@link MethodRunner}.
 */
final class Backtest {

  private Backtest() {}

  /** The origins (window lengths), ascending; empty when the series is too short. */
  static int[] origins(int n, int h, int k, SeriesProfile p) {
    int minTrain = Math.max(8, p.seasonal ? 2 * p.period : 0);
    int hb = Math.min(h, n - minTrain);
    if (k < 1 || hb < 1) return new int[0];
    int last = n - hb;
    int step = k > 1 ? Math.min(Math.max(1, hb / k), (last - minTrain) / (k - 1)) : 0;
    TreeSet<Integer> set = new TreeSet<>();
    for (int j = 0; j < k; j++) set.add(last - j * step);
    return set.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Scores {@code methods} (and their combination when there are two or more, and the seasonal
   * naive baseline) over the origins.
   *
   * @return the scores in the order: methods, combination, baseline; empty without origins
   */
  static List<MethodScore> run(
      double[] y,
      SeriesProfile p,
      ForecastOptions o,
      List<ForecastMethod> methods,
      MethodRunner runner,
      EtsModel warmEts) {
    int[] origins = origins(p.n, o.horizon(), o.backtestOrigins(), p);
    if (origins.length == 0) return List.of();
    List<ForecastMethod> scored = new ArrayList<>(methods);
    if (methods.size() > 1) scored.add(ForecastMethod.COMBINATION);
    if (!scored.contains(ForecastMethod.SEASONAL_NAIVE)) scored.add(ForecastMethod.SEASONAL_NAIVE);
    Map<ForecastMethod, double[]> sums = new EnumMap<>(ForecastMethod.class);
    for (ForecastMethod m : scored) sums.put(m, new double[2]);
    for (int origin : origins) {
      int hb = Math.min(o.horizon(), p.n - origin);
      double[] actual = Arrays.copyOfRange(y, origin, origin + hb);
      double scale = ForecastAccuracy.scale(y, origin, p.maseLag);
      SeasonalAdjustment sa = SeasonalAdjustment.of(y, origin, p);
      List<Prediction> members = new ArrayList<>();
      for (ForecastMethod m : scored) {
        Prediction f;
        if (m == ForecastMethod.COMBINATION) {
          f = Combiner.combine(members, o.combination());
        } else {
          f = runner.fit(m, y, origin, hb, p, sa, warmEts).prediction();
          if (methods.contains(m)) members.add(f);
        }
        double[] s = sums.get(m);
        s[0] += ForecastAccuracy.smape(actual, f.mean());
        s[1] += ForecastAccuracy.meanAbsoluteError(actual, f.mean()) / scale;
      }
    }
    int k = origins.length;
    double base = sums.get(ForecastMethod.SEASONAL_NAIVE)[1] / k;
    List<MethodScore> out = new ArrayList<>();
    for (ForecastMethod m : scored) {
      double[] s = sums.get(m);
      double mase = s[1] / k;
      out.add(new MethodScore(m, s[0] / k, mase, skill(mase, base), k));
    }
    return out;
  }

  /** {@code 1 - mase / baseline}; 0 when both are 0 and -1 when only the baseline is. */
  static double skill(double mase, double baseline) {
    if (baseline > 0) return 1 - mase / baseline;
    return mase > 0 ? -1 : 0;
  }
}
