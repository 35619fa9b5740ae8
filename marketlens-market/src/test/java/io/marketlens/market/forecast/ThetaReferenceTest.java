package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The Theta method and the classical decomposition on AirPassengers against statsmodels 0.13.5
 * ({@code ThetaModel}, {@code seasonal_decompose}), and the dynamic optimised Theta model against a
 * transcription of Fiorucci et al. (2016). References:
 *
 * <pre>
 * y = pd.read_csv("AirPassengers.csv")["passengers"].to_numpy(float)
 * print(list(seasonal_decompose(y, model="mul", period=12).seasonal[:12]))
 * r = ThetaModel(y, period=12).fit()
 * print(r.params["b0"], r.params["alpha"], r._one_step, list(r.forecast(12)))
 * </pre>
 *
 * Tolerances: 1e-12 on the indices, 1e-9 relative on the slope and on forecasts at statsmodels'
 * alpha and last level, 2% on our fully fitted Theta (SES initial level estimated rather than fixed
 * at the first value, as {@code forecast::thetaf} does).
 */
class ThetaReferenceTest {

  private static final double[] STATSMODELS_FORECAST = {
    440.0679250418624, 428.37431458246846, 489.695737081741, 475.69362089841707,
    479.65932019009045, 545.3537217040767, 602.7381681069115, 601.0870043168717,
    523.9395313927882, 456.61674886718606, 397.94469857281024, 447.6347713455701
  };

  @Test
  void indices_airPassengers_matchStatsmodelsSeasonalDecompose() {
    double[] y = Fixtures.airPassengers();

    double[] idx = Seasonality.indices(y, y.length, 12, true);

    assertThat(idx)
        .containsExactly(
            new double[] {
              0.910230367372201, 0.8836253206943759, 1.0073662876035454, 0.9759060123228475,
              0.9813780274951296, 1.1127758266792729, 1.2265555429312014, 1.2199109694456254,
              1.0604919326468185, 0.9217572404104977, 0.8011780824134744, 0.8988243899850115
            },
            within(1e-12));
  }

  @Test
  void forecast_airPassengersAtStatsmodelsParameters_matchesThetaModel() {
    double[] y = Fixtures.airPassengers();
    double[] idx = Seasonality.indices(y, y.length, 12, true);
    double[] sa = y.clone();
    Seasonality.adjust(sa, sa.length, idx, true);

    double slope = ThetaMethod.slope(sa, sa.length);
    double[] f =
        M3ReferenceTest.thetaAt(sa, 0.8387758037200809, 481.8913541152283)
            .forecast(12)
            .reseasonalise(idx, y.length, true)
            .mean();

    assertThat(slope).isCloseTo(2.6461392576050935, within(1e-9 * 2.65));
    for (int i = 0; i < 12; i++) {
      assertThat(f[i]).isCloseTo(STATSMODELS_FORECAST[i], within(1e-9 * STATSMODELS_FORECAST[i]));
    }
  }

  @Test
  void forecast_airPassengersFitted_isCloseToThetaModel() {
    double[] y = Fixtures.airPassengers();
    ForecastOptions o =
        ForecastOptions.defaults(12)
            .withPeriod(12)
            .withMethods(java.util.List.of(ForecastMethod.THETA))
            .withBacktestOrigins(0);

    double[] f = Forecaster.forecast(y, o).point();

    for (int i = 0; i < 12; i++) {
      assertThat(f[i]).isCloseTo(STATSMODELS_FORECAST[i], within(0.02 * STATSMODELS_FORECAST[i]));
    }
  }

  /**
   * DOTM at fixed (l0, alpha, theta) on N0100 against this transcription of Fiorucci et al. (2016),
   * eqs. 3.5-3.9 (1-based t as in the paper, errors summed from t = 3 as in {@code
   * forecTheta::dotm}); tolerance 1e-9 relative:
   *
   * <pre>
   * def dotm(y, l0, alpha, theta, h):
   *     n = len(y); yy = list(y) + [None] * h
   *     ell = alpha * yy[0] + (1 - alpha) * l0; mean = yy[0]; A = yy[0]; B = 0.0; mu = [yy[0]]
   *     for t in range(1, n + h):
   *         m = ell + (1 - 1/theta) * (A * (1-alpha)**t + B * (1 - (1-alpha)**(t+1)) / alpha)
   *         mu.append(m)
   *         if t >= n: yy[t] = m
   *         ell = alpha * yy[t] + (1 - alpha) * ell
   *         new_mean = (t * mean + yy[t]) / (t + 1)
   *         B = ((t - 1) * B + 6 * (yy[t] - mean) / (t + 1)) / (t + 2)
   *         mean = new_mean; A = mean - B * (t + 2) / 2
   *     return sum((y[i] - mu[i]) ** 2 for i in range(2, n)), mu[n:]
   * print(dotm(train("N0100"), 700.0, 0.5, 2.5, 6))
   * </pre>
   */
  @Test
  void dotm_n0100AtFixedParameters_matchesFiorucciRecursion() {
    double[] y = Fixtures.m3("N0100", "train");
    double[] expected = {
      2446.4228885270004,
      2481.475926461473,
      2515.150049787283,
      2547.6027105298176,
      2578.962851018287,
      2609.337511807734
    };

    double sse = DynamicTheta.sse(y, y.length, 700, 0.5, 2.5);
    double[] f = new DynamicTheta.Fit(y, y.length, 700, 0.5, 2.5, 1).forecast(6).mean();

    assertThat(sse).isCloseTo(839157.8467829281, within(1e-9 * 839157.8));
    for (int i = 0; i < 6; i++) assertThat(f[i]).isCloseTo(expected[i], within(1e-9 * expected[i]));
  }

  @Test
  void dotm_fit_staysInBoundsAndBeatsStandardTheta() {
    double[] y = Fixtures.m3("N0100", "train");

    DynamicTheta.Fit fit = new DynamicTheta().fit(y, y.length);

    assertThat(fit.alpha).isBetween(0.1, 0.99);
    assertThat(fit.theta).isGreaterThanOrEqualTo(1.0);
    assertThat(DynamicTheta.sse(y, y.length, fit.l0, fit.alpha, fit.theta))
        .isLessThanOrEqualTo(DynamicTheta.sse(y, y.length, y[0] / 2, 0.5, 2.0));
  }
}
