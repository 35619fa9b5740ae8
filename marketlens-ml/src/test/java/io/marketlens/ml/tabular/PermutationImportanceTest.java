package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

  /** A strong number, a one-hot column of three levels with a middling effect, and noise. */
  static TabularData data(int n, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][5];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextGaussian();
      int level = r.nextInt(3);
      x[i][1 + level] = 1;
      x[i][4] = r.nextGaussian();
      double e = 2 * x[i][0] + (level == 2 ? 1.0 : 0.0) - 0.5;
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-e)) ? 1 : 0;
    }
    return new TabularData(
        x,
        List.of("strong", "plan=a", "plan=b", "plan=c", "noise"),
        List.of("strong", "plan", "plan", "plan", "noise"),
        y,
        null);
  }

  @Test
  void compute_ranksByEffect_groupsOneHotLevels() {
    TabularData train = data(3000, 1);
    TabularData test = data(1500, 2);
    BinaryModel m = LogisticRegression.withLambda(1).fit(train, train, 0);
    List<FeatureImportance> fi = PermutationImportance.compute(m, test, 5, 42);
    assertThat(fi).extracting(FeatureImportance::group).containsExactly("strong", "plan", "noise");
    assertThat(fi.get(0).meanDrop()).isGreaterThan(0.15);
    assertThat(fi.get(1).meanDrop()).isGreaterThan(0.005);
    assertThat(fi.get(2).meanDrop()).isCloseTo(0, within(0.01));
  }

  @Test
  void compute_sameSeed_sameResult() {
    TabularData train = data(500, 3);
    BinaryModel m = LogisticRegression.withLambda(1).fit(train, train, 0);
    assertThat(PermutationImportance.compute(m, train, 3, 9))
        .isEqualTo(PermutationImportance.compute(m, train, 3, 9));
  }
}
