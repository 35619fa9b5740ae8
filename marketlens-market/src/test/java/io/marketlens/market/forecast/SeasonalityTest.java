package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalityTest {

  @Test
  void test_airPassengersAtTwelve_isSeasonal() {
    double[] y = Fixtures.airPassengers();

    assertThat(Seasonality.test(y, y.length, 12)).isTrue();
  }

  @Test
  void test_whiteNoise_isNotSeasonal() {
    Random r = new Random(7);
    double[] y = new double[120];
    for (int i = 0; i < y.length; i++) y[i] = 100 + r.nextGaussian();

    assertThat(Seasonality.test(y, y.length, 12)).isFalse();
  }

  @Test
  void test_fewerThanTwoSeasons_isNotSeasonal() {
    double[] y = Fixtures.airPassengers();

    assertThat(Seasonality.test(y, 23, 12)).isFalse();
  }

  @Test
  void test_constant_isNotSeasonal() {
    assertThat(Seasonality.test(new double[48], 48, 12)).isFalse();
  }

  @Test
  void indices_additive_sumToZero() {
    double[] y = Fixtures.airPassengers();

    double[] idx = Seasonality.indices(y, y.length, 12, false);

    double sum = 0;
    for (double v : idx) sum += v;
    assertThat(sum).isCloseTo(0.0, within(1e-9));
    assertThat(idx[6]).isGreaterThan(0); // July is above the trend
  }
}
