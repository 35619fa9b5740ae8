package io.marketlens.market.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.marketlens.core.validate.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForecasterTest {

  private static final double[] AIR = Fixtures.airPassengers();

  private static ForecastOptions monthly(int horizon) {
    return ForecastOptions.defaults(horizon).withPeriod(12).withThreads(1);
  }

  private static List<Double> boxed(double[] a) {
    return Arrays.stream(a).boxed().toList();
  }

  private static void assertWellFormed(ForecastResult r, int h) {
    assertThat(r.point()).hasSize(h);
    for (double[] a : List.of(r.point(), r.lo80(), r.hi80(), r.lo95(), r.hi95())) {
      assertThat(a).hasSize(h);
      assertThat(boxed(a)).allMatch(Double::isFinite);
    }
    for (int i = 0; i < h; i++) {
      assertThat(r.lo95()[i]).isLessThanOrEqualTo(r.lo80()[i]);
      assertThat(r.lo80()[i]).isLessThanOrEqualTo(r.point()[i]);
      assertThat(r.point()[i]).isLessThanOrEqualTo(r.hi80()[i]);
      assertThat(r.hi80()[i]).isLessThanOrEqualTo(r.hi95()[i]);
    }
    for (MethodScore s : r.backtest()) {
      assertThat(List.of(s.smape(), s.mase(), s.skill())).allMatch(Double::isFinite);
    }
  }

  @Test
  void forecast_airPassengersHoldout_beatsSeasonalNaiveByWideMargin() {
    // The datasets README: train 1949-1958, test 1959-1960; seasonal naive MAPE 15.52%.
    double[] train = Arrays.copyOf(AIR, 120);
    double[] test = Arrays.copyOfRange(AIR, 120, 144);

    ForecastResult r = Forecaster.forecast("air", train, monthly(24));

    double mape = 0;
    for (int i = 0; i < 24; i++) mape += 100 * Math.abs(test[i] - r.point()[i]) / test[i] / 24;
    assertThat(mape).isLessThan(12.0);
    assertWellFormed(r, 24);
    assertThat(r.method()).isEqualTo(ForecastMethod.COMBINATION);
    assertThat(r.seasonal()).isTrue();
    assertThat(r.period()).isEqualTo(12);
    assertThat(r.model()).startsWith("mean of [ETS(M,").contains("Theta", "DOTM");
  }

  @Test
  void forecast_airPassengers_reportsBaselineAndSkill() {
    ForecastResult r = Forecaster.forecast("air", AIR, monthly(12));

    assertThat(r.baseline().method()).isEqualTo(ForecastMethod.SEASONAL_NAIVE);
    assertThat(r.backtest())
        .extracting(MethodScore::method)
        .containsExactly(
            ForecastMethod.ETS,
            ForecastMethod.THETA,
            ForecastMethod.OPTIMISED_THETA,
            ForecastMethod.COMBINATION,
            ForecastMethod.SEASONAL_NAIVE);
    MethodScore comb = r.score(ForecastMethod.COMBINATION);
    assertThat(r.skill()).isEqualTo(comb.skill()).isEqualTo(1 - comb.mase() / r.baseline().mase());
    assertThat(r.skill()).isGreaterThan(0);
    assertThat(comb.origins()).isEqualTo(3);
    assertThat(r.candidates()).hasSize(4);
  }

  @Test
  void forecast_backtestSelection_choosesLowestBacktestMase() {
    ForecastResult r =
        Forecaster.forecast(AIR, monthly(12).withSelection(ForecastOptions.Selection.BACKTEST));

    double best =
        r.backtest().stream()
            .filter(s -> s.method() != ForecastMethod.SEASONAL_NAIVE)
            .mapToDouble(MethodScore::mase)
            .min()
            .orElseThrow();
    assertThat(r.score(r.method()).mase()).isEqualTo(best);
    assertThat(r.point()).containsExactly(r.candidate(r.method()).point());
  }

  @Test
  void forecast_periodZero_detectsTwelveOnAirPassengers() {
    ForecastResult r = Forecaster.forecast(AIR, ForecastOptions.defaults(6).withThreads(1));

    assertThat(r.period()).isEqualTo(12);
    assertThat(r.seasonal()).isTrue();
  }

  @Test
  void forecast_medianCombination_isMedianOfCandidates() {
    ForecastResult r =
        Forecaster.forecast(AIR, monthly(6).withCombination(ForecastOptions.Combination.MEDIAN));

    for (int i = 0; i < 6; i++) {
      double[] v = new double[3];
      for (int j = 0; j < 3; j++) v[j] = r.candidates().get(j).point()[i];
      Arrays.sort(v);
      assertThat(r.point()[i]).isEqualTo(v[1]);
    }
    assertThat(r.model()).startsWith("median of [");
  }

  @Test
  void forecast_shorterThanTwoSeasons_fallsBackToNonSeasonalWithNote() {
    double[] y = Arrays.copyOf(AIR, 20);

    ForecastResult r = Forecaster.forecast("short", y, monthly(6));

    assertThat(r.seasonal()).isFalse();
    assertThat(r.period()).isEqualTo(1);
    assertThat(r.notes()).anyMatch(n -> n.contains("fewer than two seasons"));
    assertWellFormed(r, 6);
  }

  @Test
  void forecast_veryShortSeries_usesNaiveFallbacksWithNotes() {
    ForecastResult r = Forecaster.forecast("tiny", new double[] {5, 7, 6, 8}, monthly(3));

    assertThat(r.notes()).anyMatch(n -> n.startsWith("ets: too few values for ETS"));
    assertThat(r.notes()).anyMatch(n -> n.contains("too few values for a backtest"));
    assertThat(r.backtest()).isEmpty();
    assertThat(r.baseline()).isNull();
    assertThat(r.skill()).isZero();
    assertWellFormed(r, 3);
  }

  @Test
  void forecast_constantSeries_returnsTheConstantWithZeroWidthIntervals() {
    double[] y = new double[36];
    Arrays.fill(y, 42.0);

    ForecastResult r = Forecaster.forecast("flat", y, monthly(12));

    assertThat(r.point()).containsOnly(42.0);
    assertThat(r.lo95()).containsOnly(42.0);
    assertThat(r.hi95()).containsOnly(42.0);
    assertThat(r.notes()).anyMatch(n -> n.startsWith("constant series"));
    assertThat(r.skill()).isZero();
    assertWellFormed(r, 12);
  }

  @Test
  void forecast_negativeValues_leaveOutMultiplicativeModelsWithoutNaN() {
    double[] y = new double[AIR.length];
    for (int i = 0; i < y.length; i++) y[i] = AIR[i] - 300; // crosses zero

    ForecastResult r = Forecaster.forecast("shifted", y, monthly(12));

    assertThat(r.notes()).anyMatch(n -> n.contains("multiplicative ETS forms left out"));
    assertThat(r.candidate(ForecastMethod.ETS).model()).startsWith("ETS(A,");
    assertThat(r.model()).contains("additive seasonal adjustment");
    assertWellFormed(r, 12);
  }

  @Test
  void forecast_nonNegativeSeries_neverForecastsBelowZero() {
    double[] y = {90, 70, 50, 40, 30, 22, 15, 10, 6, 3, 1, 0, 0, 0, 0, 0};

    ForecastResult r = Forecaster.forecast("decline", y, monthly(8).withPeriod(1));

    assertThat(boxed(r.point())).allMatch(v -> v >= 0);
    assertThat(boxed(r.lo95())).allMatch(v -> v >= 0);
    assertWellFormed(r, 8);
  }

  @Test
  void forecast_tooFewValues_throwsInvalidInput() {
    assertThatThrownBy(() -> Forecaster.forecast("two", new double[] {1, 2}, monthly(3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("two")
        .hasMessageContaining("at least 3 values");
  }

  @Test
  void forecast_missingValue_throwsInvalidInputNamingThePosition() {
    double[] y = AIR.clone();
    y[17] = Double.NaN;

    assertThatThrownBy(() -> Forecaster.forecast("air", y, monthly(3)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("position 18");
  }

  @Test
  void options_badValues_throwInvalidInput() {
    ForecastOptions o = ForecastOptions.defaults(6);

    assertThatThrownBy(() -> ForecastOptions.defaults(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> o.withThreads(0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> o.withMethods(List.of())).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> o.withMethods(List.of(ForecastMethod.COMBINATION)))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> o.withSeasonality(ForecastOptions.Seasonality.ALWAYS))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void forecast_sameInputTwice_givesIdenticalResults() {
    ForecastResult a = Forecaster.forecast("air", AIR, monthly(18));
    ForecastResult b = Forecaster.forecast("air", AIR, monthly(18));

    assertThat(a.point()).containsExactly(b.point());
    assertThat(a.hi95()).containsExactly(b.hi95());
    assertThat(a.backtest()).isEqualTo(b.backtest());
    assertThat(a.model()).isEqualTo(b.model());
  }

  @Test
  void forecastAll_oneOrFourThreads_giveIdenticalResultsInInputOrder() {
    Map<String, double[]> series = new LinkedHashMap<>();
    for (int k = 0; k < 12; k++) {
      double[] y = Arrays.copyOf(AIR, 60 + 7 * k);
      for (int i = 0; i < y.length; i++) y[i] *= 1 + 0.1 * k;
      series.put("s" + k, y);
    }
    series.put("N1500", Fixtures.m3("N1500", "train"));

    Map<String, ForecastResult> one = Forecaster.forecastAll(series, monthly(12));
    Map<String, ForecastResult> four = Forecaster.forecastAll(series, monthly(12).withThreads(4));

    assertThat(four.keySet()).containsExactlyElementsOf(series.keySet());
    for (String id : series.keySet()) {
      assertThat(four.get(id).point()).containsExactly(one.get(id).point());
      assertThat(four.get(id).lo80()).containsExactly(one.get(id).lo80());
      assertThat(four.get(id).backtest()).isEqualTo(one.get(id).backtest());
      assertThat(four.get(id).model()).isEqualTo(one.get(id).model());
    }
  }

  @Test
  void forecastAll_badSeries_throwsInvalidInputNamingIt() {
    Map<String, double[]> series = new LinkedHashMap<>();
    series.put("good", AIR);
    series.put("bad", new double[] {1});

    assertThatThrownBy(() -> Forecaster.forecastAll(series, monthly(6).withThreads(2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("bad");
  }

  @Test
  void forecast_singleMethod_isThatMethodWithoutCombination() {
    ForecastResult r =
        Forecaster.forecast(AIR, monthly(6).withMethods(List.of(ForecastMethod.SEASONAL_NAIVE)));

    assertThat(r.method()).isEqualTo(ForecastMethod.SEASONAL_NAIVE);
    assertThat(r.point()).containsExactly(Arrays.copyOfRange(AIR, 132, 138));
    assertThat(r.skill()).isZero();
    assertThat(r.backtest())
        .extracting(MethodScore::method)
        .containsExactly(ForecastMethod.SEASONAL_NAIVE);
  }
}
