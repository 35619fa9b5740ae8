package io.marketlens.market.forecast;

import java.util.Arrays;
import java.util.List;

/**
 * The combiner of several methods' predictions into one: the mean (or median) of the point
 * forecasts, with the standard deviation of the equal-weight mixture of the members' normal
 * predictive distributions, {@code sqrt(mean(sd_i^2) + mean((mu_i - c)^2))} around the combined
 * point {@code c}. The second term widens the intervals where the methods disagree.
 *
 * <p>Simple averages are hard to beat: Makridakis and Hibon (2000), the M3 paper, and Clemen
 * (1989), "Combining forecasts: a review and annotated bibliography", <i>International Journal of
 * Forecasting</i> 5:559-583. Stateless and thread-safe.
 */
final class Combiner {

  private Combiner() {}

  static Prediction combine(List<Prediction> members, ForecastOptions.Combination rule) {
    int k = members.size();
    int h = members.get(0).horizon();
    double[] mu = new double[h];
    double[] sd = new double[h];
    double[] point = new double[k];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < k; j++) point[j] = members.get(j).mean()[i];
      double c = rule == ForecastOptions.Combination.MEDIAN ? median(point) : mean(point);
      double v = 0;
      for (int j = 0; j < k; j++) {
        double s = members.get(j).sd()[i];
        double d = point[j] - c;
        v += s * s + d * d;
      }
      mu[i] = c;
      sd[i] = Math.sqrt(v / k);
    }
    return new Prediction(mu, sd);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int k = s.length;
    return k % 2 == 1 ? s[k / 2] : 0.5 * (s[k / 2 - 1] + s[k / 2]);
  }
}
