package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RowExplainerTest {

  @Test
  void contributions_ofLogisticRegression_areCoefficientTimesCentredValue() {
    TabularData train = PermutationImportanceTest.data(2000, 1);
    LogisticRegression.Model m = LogisticRegression.withLambda(1).fit(train, train, 0);
    RowExplainer explainer = RowExplainer.of(m, train, 40, 5);
    TabularData rows = PermutationImportanceTest.data(5, 2);
    double[][] c = explainer.contributions(rows.features());
    assertThat(explainer.groups()).containsExactly("strong", "plan", "noise");

    // The same 40 background rows, drawn as the explainer draws them.
    int[] order = new int[train.rows()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    StratifiedSplit.shuffle(order, new java.util.Random(5));
    double[] mean = new double[train.columns()];
    for (int k = 0; k < 40; k++) {
      for (int j = 0; j < mean.length; j++) mean[j] += train.features()[order[k]][j] / 40;
    }
    int[][] groups = {{0}, {1, 2, 3}, {4}};
    for (int i = 0; i < rows.rows(); i++) {
      for (int g = 0; g < 3; g++) {
        double expected = 0;
        for (int j : groups[g]) {
          expected += m.coefficients()[j] * (rows.features()[i][j] - mean[j]);
        }
        assertThat(c[i][g]).isCloseTo(expected, within(1e-9));
      }
    }
  }

  @Test
  void contributions_ofTrees_pointTheRightWay() {
    TabularData train = PermutationImportanceTest.data(2000, 3);
    BinaryModel m =
        GradientBoostedTrees.defaults().fit(train, PermutationImportanceTest.data(500, 4), 1);
    RowExplainer explainer = RowExplainer.of(m, train, 30, 5);
    double[][] c = explainer.contributions(new double[][] {{2.5, 0, 0, 1, 0}, {-2.5, 1, 0, 0, 0}});
    assertThat(c[0][0]).isGreaterThan(0.5); // a high "strong" raises the odds
    assertThat(c[1][0]).isLessThan(-0.5);
    assertThat(Math.abs(c[0][2])).isLessThan(Math.abs(c[0][0]));
  }
}
