package io.marketlens.ml.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void isotonic_poolsAdjacentViolators() {
    IsotonicRegression iso =
        IsotonicRegression.fit(new double[] {1, 2, 3, 4}, new double[] {1, 3, 2, 4});
    assertThat(iso.x()).containsExactly(1, 2.5, 4);
    assertThat(iso.y()).containsExactly(1, 2.5, 4);
    assertThat(iso.calibrate(0)).isEqualTo(1);
    assertThat(iso.calibrate(9)).isEqualTo(4);
    assertThat(iso.calibrate(1.75)).isCloseTo(1.75, within(1e-12));
  }

  @Test
  void isotonic_poolsTiedInputsFirst() {
    IsotonicRegression iso =
        IsotonicRegression.fit(new double[] {0.5, 0.5, 0.7}, new double[] {0, 1, 1});
    assertThat(iso.y()).containsExactly(0.5, 1);
  }

  @Test
  void isotonic_onLabels_smoothsBlockRates() {
    IsotonicRegression iso =
        IsotonicRegression.fit(new double[] {0.1, 0.2, 0.3, 0.4}, new int[] {0, 1, 0, 1});
    // PAV blocks {0.1: 0/1}, {0.2, 0.3: 1/2}, {0.4: 1/1}, each smoothed to (k + 1) / (n + 2)
    assertThat(iso.y()).containsExactly(new double[] {1 / 3.0, 0.5, 2 / 3.0}, within(1e-12));
    assertThat(iso.x()).containsExactly(new double[] {0.1, 0.25, 0.4}, within(1e-12));
  }

  @Test
  void platt_recoversTheTrueMap() {
    // The model's log-odds f, truth sigmoid(0.5 f - 0.3): an overconfident, biased model.
    Random r = new Random(3);
    int n = 40_000;
    double[] p = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      double f = 2 * r.nextGaussian();
      p[i] = 1 / (1 + Math.exp(-f));
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.5 * f - 0.3))) ? 1 : 0;
    }
    PlattScaling platt = PlattScaling.fit(p, y);
    assertThat(platt.a()).isCloseTo(0.5, within(0.03));
    assertThat(platt.b()).isCloseTo(-0.3, within(0.03));
  }

  @Test
  void choose_lowersEceOfAnOverconfidentModel_onFreshRows() {
    double[][] fit = overconfident(3000, 5);
    double[][] fresh = overconfident(3000, 6);
    int[] yFit = labels(fit[1]);
    int[] yFresh = labels(fresh[1]);
    Calibration.Choice choice = Calibration.choose(fit[0], yFit, 42);
    CalibrationReport report = Calibration.report(choice, fresh[0], yFresh);
    assertThat(report.eceAfter()).isLessThan(report.eceBefore() / 2);
    assertThat(report.brierAfter()).isLessThan(report.brierBefore());
    assertThat(report.method()).isIn("platt", "isotonic");
    Calibration.Choice again = Calibration.choose(fit[0], yFit, 42);
    assertThat(again.plattEce()).isEqualTo(choice.plattEce());
    assertThat(again.isotonicEce()).isEqualTo(choice.isotonicEce());
  }

  /** {probabilities, labels as doubles} from a model whose log-odds are 3x too large. */
  private static double[][] overconfident(int n, long seed) {
    Random r = new Random(seed);
    double[] p = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double truth = r.nextGaussian();
      p[i] = 1 / (1 + Math.exp(-3 * truth));
      y[i] = r.nextDouble() < 1 / (1 + Math.exp(-truth)) ? 1 : 0;
    }
    return new double[][] {p, y};
  }

  private static int[] labels(double[] y) {
    int[] out = new int[y.length];
    for (int i = 0; i < y.length; i++) out[i] = (int) y[i];
    return out;
  }
}
