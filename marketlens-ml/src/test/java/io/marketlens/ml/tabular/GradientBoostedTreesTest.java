package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GradientBoostedTreesTest {

  /** y = 1 when x0 and x1 have the same sign (with 10 % of labels flipped); x2 is noise. */
  static TabularData xor(int n, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][3];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 3; j++) x[i][j] = 2 * r.nextDouble() - 1;
      int label = x[i][0] * x[i][1] > 0 ? 1 : 0;
      y[i] = r.nextDouble() < 0.1 ? 1 - label : label;
    }
    return TabularData.of(x, List.of("x0", "x1", "x2"), y);
  }

  private static final GradientBoostedTrees SMALL =
      new GradientBoostedTrees(List.of(2, 3), List.of(0.1), 300, 30, 20, 0.8, 1.0, 1.0, 1);

  @Test
  void fit_learnsAnInteractionThatLogisticRegressionCannot() {
    TabularData train = xor(2000, 1);
    TabularData validation = xor(1000, 2);
    TabularData test = xor(1000, 3);
    BinaryModel gbt = SMALL.fit(train, validation, 42);
    BinaryModel lr = LogisticRegression.defaults().fit(train, validation, 42);
    double gbtAuc = Metrics.rocAuc(gbt.predictProbability(test.features()), test.labels());
    double lrAuc = Metrics.rocAuc(lr.predictProbability(test.features()), test.labels());
    assertThat(gbtAuc).isGreaterThan(0.85);
    assertThat(lrAuc).isLessThan(0.6);
    assertThat(gbt.name()).isEqualTo(GradientBoostedTrees.NAME);
    assertThat(gbt.description()).contains("depth").contains("trees");
  }

  @Test
  void fit_sameSeed_samePredictions() {
    TabularData train = xor(1500, 4);
    TabularData validation = xor(500, 5);
    double[] a = SMALL.fit(train, validation, 7).predictProbability(validation.features());
    double[] b = SMALL.fit(train, validation, 7).predictProbability(validation.features());
    assertThat(a).containsExactly(b);
  }

  @Test
  void predictProbability_isAProbability() {
    TabularData train = xor(800, 6);
    double[] p = SMALL.fit(train, xor(300, 7), 1).predictProbability(train.features());
    assertThat(java.util.Arrays.stream(p).allMatch(v -> v > 0 && v < 1)).isTrue();
  }
}
