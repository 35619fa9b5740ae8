package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

  /** One binary feature: 3 of 10 positive at x = 0, 7 of 10 at x = 1. */
  private static TabularData twoByTwo() {
    double[][] x = new double[20][1];
    int[] y = new int[20];
    for (int i = 0; i < 20; i++) {
      x[i][0] = i < 10 ? 0 : 1;
      y[i] = (i < 10 ? i < 3 : i < 17) ? 1 : 0;
    }
    return TabularData.of(x, List.of("x"), y);
  }

  @Test
  void fit_unpenalised_matchesClosedFormMaximumLikelihood() {
    TabularData d = twoByTwo();
    LogisticRegression.Model m = LogisticRegression.withLambda(0).fit(d, d, 0);
    // The MLE of a saturated 2x2 model reproduces the observed rates exactly.
    assertThat(m.intercept()).isCloseTo(Math.log(3 / 7.0), within(1e-7));
    assertThat(m.coefficients()[0]).isCloseTo(2 * Math.log(7 / 3.0), within(1e-7));
    assertThat(m.predictProbability(new double[][] {{0}, {1}}))
        .containsExactly(new double[] {0.3, 0.7}, within(1e-9));
  }

  @Test
  void fit_penalised_satisfiesStationarity() {
    TabularData d = randomData(500, 4, 7);
    double lambda = 5;
    LogisticRegression.Model m = LogisticRegression.withLambda(lambda).fit(d, d, 0);
    double[] p = m.predictProbability(d.features());
    double g0 = 0;
    double[] g = new double[d.columns()];
    for (int i = 0; i < d.rows(); i++) {
      double r = d.labels()[i] - p[i];
      g0 += r;
      for (int j = 0; j < g.length; j++) g[j] += r * d.features()[i][j];
    }
    assertThat(g0).isCloseTo(0, within(1e-8));
    for (int j = 0; j < g.length; j++) {
      assertThat(g[j] - lambda * m.coefficients()[j]).isCloseTo(0, within(1e-8));
    }
  }

  @Test
  void fit_recoversGeneratingCoefficients() {
    TabularData d = randomData(20_000, 3, 11);
    LogisticRegression.Model m = LogisticRegression.withLambda(0).fit(d, d, 0);
    assertThat(m.intercept()).isCloseTo(-0.5, within(0.06));
    assertThat(m.coefficients()).containsExactly(new double[] {1.0, -2.0, 0.0}, within(0.08));
  }

  @Test
  void fit_choosesPenaltyOnValidation_deterministically() {
    TabularData train = randomData(300, 3, 1);
    TabularData validation = randomData(300, 3, 2);
    LogisticRegression lr = LogisticRegression.defaults();
    LogisticRegression.Model a = lr.fit(train, validation, 0);
    LogisticRegression.Model b = lr.fit(train, validation, 99);
    assertThat(a.coefficients()).containsExactly(b.coefficients());
    assertThat(lr.lambdas()).contains(a.lambda());
  }

  /** p = sigmoid(-0.5 + x0 - 2 x1 + 0 x2 ...), x standard normal. */
  static TabularData randomData(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] beta = {1.0, -2.0, 0.0, 0.5};
    double[][] x = new double[n][d];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double e = -0.5;
      for (int j = 0; j < d; j++) {
        x[i][j] = r.nextGaussian();
        e += beta[j % beta.length] * x[i][j];
      }
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-e)) ? 1 : 0;
    }
    List<String> names = new java.util.ArrayList<>();
    for (int j = 0; j < d; j++) names.add("x" + j);
    return TabularData.of(x, names, y);
  }
}
