package io.marketlens.market.competitors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

  @Test
  void of_knownMatrix_eigenvaluesDescendingAndSignFixed() {
    // [[2,1],[1,2]] has eigenvalues 3 (along (1,1)) and 1 (along (1,-1)).
    SymmetricEigen.Result r = SymmetricEigen.of(new double[][] {{2, 1}, {1, 2}});

    assertThat(r.values()).containsExactly(new double[] {3, 1}, within(1e-14));
    double s = Math.sqrt(0.5);
    assertThat(r.vector(0)).containsExactly(new double[] {s, s}, within(1e-14));
    // Components of equal size: the first one is made positive.
    assertThat(r.vector(1)).containsExactly(new double[] {s, -s}, within(1e-14));
  }

  @Test
  void of_randomSymmetric_reconstructsTheMatrix() {
    double[][] a = randomGram(30, 12, 1);

    SymmetricEigen.Result r = SymmetricEigen.of(a);

    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        double s = 0;
        for (int k = 0; k < a.length; k++)
          s += r.vectors()[i][k] * r.values()[k] * r.vectors()[j][k];
        assertThat(s).isCloseTo(a[i][j], within(1e-9));
      }
    }
    for (int k = 0; k < a.length; k++) {
      double[][] v = r.vectors();
      int big = SymmetricEigen.largest(v, k);
      assertThat(v[big][k]).isPositive();
    }
  }

  @Test
  void top_largeMatrix_matchesJacobiWhateverTheSeed() {
    double[][] a = randomGram(260, 6, 2);
    SymmetricEigen.Result full = SymmetricEigen.of(a);

    for (long seed : new long[] {1, 99}) {
      SymmetricEigen.Result top = SymmetricEigen.top(a, 2, seed);
      for (int k = 0; k < 2; k++) {
        assertThat(top.values()[k]).isCloseTo(full.values()[k], within(1e-8 * full.values()[0]));
        assertThat(top.vector(k)).containsExactly(full.vector(k), within(1e-7));
      }
    }
  }

  /** X Xᵀ for a random n × rank X: symmetric, positive semi-definite. */
  private static double[][] randomGram(int n, int rank, long seed) {
    Random rng = new Random(seed);
    double[][] x = new double[n][rank];
    for (double[] row : x) for (int j = 0; j < rank; j++) row[j] = rng.nextGaussian() * (j + 1);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) for (int k = 0; k < rank; k++) a[i][j] += x[i][k] * x[j][k];
    }
    return a;
  }
}
