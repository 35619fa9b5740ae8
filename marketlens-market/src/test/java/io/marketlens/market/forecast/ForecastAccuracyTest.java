package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastAccuracyTest {

  @Test
  void smape_knownValues_matchesDefinition() {
    // 200 * |100 - 110| / 210 and 200 * |50 - 40| / 90, averaged.
    double s = ForecastAccuracy.smape(new double[] {100, 50}, new double[] {110, 40});

    assertThat(s).isCloseTo((2000.0 / 210 + 2000.0 / 90) / 2, within(1e-12));
  }

  @Test
  void smape_bothZero_countsZero() {
    assertThat(ForecastAccuracy.smape(new double[] {0, 10}, new double[] {0, 10})).isZero();
  }

  @Test
  void mase_seasonalLag_scalesByInSampleSeasonalDifferences() {
    double[] insample = {1, 2, 3, 4, 3, 4, 5, 6};

    // lag 4 differences are all 2; the forecast misses by 1 on average.
    double m = ForecastAccuracy.mase(new double[] {5, 6}, new double[] {4, 7}, insample, 4);

    assertThat(m).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void scale_constantSeries_fallsBackToMeanAbsoluteValueThenOne() {
    assertThat(ForecastAccuracy.scale(new double[] {3, 3, 3}, 3, 1)).isEqualTo(3.0);
    assertThat(ForecastAccuracy.scale(new double[] {0, 0, 0}, 3, 1)).isEqualTo(1.0);
  }
}
