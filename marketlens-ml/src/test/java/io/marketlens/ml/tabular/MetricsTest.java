package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  // Positives score 0.35, 0.8, 0.4; negatives 0.1, 0.4 (a tie across classes).
  private static final double[] SCORES = {0.1, 0.4, 0.35, 0.8, 0.4};
  private static final int[] LABELS = {0, 0, 1, 1, 1};

  @Test
  void rocAuc_withTies_matchesPairCount() {
    // Pairs (pos, neg): (.35,.1)=1 (.35,.4)=0 (.8,.1)=1 (.8,.4)=1 (.4,.1)=1 (.4,.4)=1/2 -> 4.5 / 6
    assertThat(Metrics.rocAuc(SCORES, LABELS)).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void rocAuc_allTied_isOneHalf() {
    assertThat(Metrics.rocAuc(new double[] {0.3, 0.3, 0.3, 0.3}, new int[] {0, 1, 0, 1}))
        .isEqualTo(0.5);
  }

  @Test
  void rocAuc_perfectAndReversed() {
    int[] y = {0, 0, 1, 1};
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
    assertThat(Metrics.rocAuc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
  }

  @Test
  void rocAuc_oneClass_isNaN() {
    assertThat(Metrics.rocAuc(new double[] {0.1, 0.2}, new int[] {1, 1})).isNaN();
  }

  @Test
  void prAuc_withTies_matchesAveragePrecisionByHand() {
    // Descending: .8 (P=1, +1/3 recall), {.4,.4} (P=2/3, +1/3), .35 (P=3/4, +1/3), .1 (+0)
    assertThat(Metrics.prAuc(SCORES, LABELS)).isCloseTo(1 / 3.0 + 2 / 9.0 + 1 / 4.0, within(1e-12));
  }

  @Test
  void logLossAndBrier_matchFormulas() {
    double[] p = {0.9, 0.2};
    int[] y = {1, 0};
    assertThat(Metrics.logLoss(p, y))
        .isCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, within(1e-12));
    assertThat(Metrics.brier(p, y)).isCloseTo((0.01 + 0.04) / 2, within(1e-12));
  }

  @Test
  void logLoss_clipsCertainMistakes() {
    assertThat(Metrics.logLoss(new double[] {0.0}, new int[] {1}))
        .isCloseTo(-Math.log(1e-15), within(1e-9));
  }

  @Test
  void ece_tenBins_matchesHandComputation() {
    double[] p = {0.05, 0.15, 0.12, 0.95, 1.0};
    int[] y = {0, 1, 0, 1, 1};
    // bin 0: |.05 - 0|; bin 1: |.27 - 1|; bin 9 (0.95 and 1.0): |1.95 - 2|; over 5 rows
    assertThat(Metrics.expectedCalibrationError(p, y))
        .isCloseTo((0.05 + 0.73 + 0.05) / 5, within(1e-12));
  }

  @Test
  void atThreshold_half_countsConfusionMatrix() {
    ThresholdMetrics m = Metrics.atThreshold(SCORES, LABELS, 0.5);
    assertThat(
            new long[] {
              m.truePositives(), m.falsePositives(), m.trueNegatives(), m.falseNegatives()
            })
        .containsExactly(1, 0, 2, 2);
    assertThat(m.accuracy()).isCloseTo(0.6, within(1e-12));
    assertThat(m.precision()).isEqualTo(1.0);
    assertThat(m.recall()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(m.f1()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void bestF1_findsThresholdByHand() {
    // t=.8: F1 .5; t=.4: 2/3; t=.35: P 3/4, R 1 -> 6/7; t=.1: .75
    ThresholdMetrics m = Metrics.bestF1(SCORES, LABELS);
    assertThat(m.threshold()).isEqualTo(0.35);
    assertThat(m.f1()).isCloseTo(6 / 7.0, within(1e-12));
    assertThat(m.falsePositives()).isEqualTo(1);
  }

  @Test
  void binary_collectsEverything() {
    BinaryMetrics m = Metrics.binary(SCORES, LABELS);
    assertThat(m.rows()).isEqualTo(5);
    assertThat(m.positives()).isEqualTo(3);
    assertThat(m.rocAuc()).isEqualTo(0.75);
    assertThat(m.atBestF1().threshold()).isEqualTo(0.35);
  }
}
