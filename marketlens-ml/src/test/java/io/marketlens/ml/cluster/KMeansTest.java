package io.marketlens.ml.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

  private static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}};

  @Test
  void fit_wellSeparatedBlobs_putsEachBlobInOneCluster() {
    Points p = TestData.blobs(CENTRES, 100, 0.5, 1);
    KMeansModel m = KMeans.fit(p, KMeansOptions.of(3).withThreads(1));
    int[] labels = m.labels();
    // Points are interleaved blob by blob: point i belongs to blob i % 3.
    for (int i = 3; i < labels.length; i++) assertThat(labels[i]).isEqualTo(labels[i % 3]);
    assertThat(m.sizes()).containsExactlyInAnyOrder(100, 100, 100);
    assertThat(m.converged()).isTrue();
    for (double[] c : m.centroids()) {
      assertThat(m.predict(c)).isBetween(0, 2);
    }
    assertThat(m.predict(new double[] {9.5, 0.3})).isEqualTo(labels[1]);
  }

  @Test
  void fit_sameSeed_givesIdenticalModels() {
    Points p = TestData.normal(3_000, 4, 7);
    KMeansOptions o = KMeansOptions.of(5).withSeed(42).withThreads(1);
    assertThat(KMeans.fit(p, o)).isEqualTo(KMeans.fit(p, o));
    assertThat(KMeans.fit(p, o.withSeed(43)).inertia()).isPositive();
  }

  @Test
  void fit_anyThreadCount_givesBitIdenticalModels() {
    // Several blocks of rows, so the parallel passes really split the work.
    Points p = TestData.normal(3 * KMeans.BLOCK_ROWS + 123, 8, 11);
    KMeansOptions o = KMeansOptions.of(8).withRestarts(2).withThreads(1);
    KMeansModel one = KMeans.fit(p, o);
    assertThat(KMeans.fit(p, o.withThreads(2))).isEqualTo(one);
    assertThat(KMeans.fit(p, o.withThreads(5))).isEqualTo(one);
  }

  @Test
  void fit_smallDataManyRestarts_parallelRestartsGiveTheSameModel() {
    Points p = TestData.normal(500, 3, 5);
    KMeansOptions o = KMeansOptions.of(4).withRestarts(10).withThreads(1);
    assertThat(KMeans.fit(p, o.withThreads(3))).isEqualTo(KMeans.fit(p, o));
  }

  @Test
  void hamerly_fromTheSameStart_equalsPlainLloyd() {
    Points p = TestData.normal(2 * KMeans.BLOCK_ROWS + 77, 3, 3);
    int k = 6;
    try (BlockRunner runner = new BlockRunner(p.size(), KMeans.BLOCK_ROWS, 2)) {
      double[] init = KMeansPlusPlus.seed(p, k, new SplittableRandom(9), runner);
      double tol = 1e-4 * KMeans.meanVariance(p);
      KMeansModel fast = Hamerly.run(p, init, k, 300, tol, 0, runner);
      Lloyd plain = Lloyd.run(p, init, k, 300, tol);
      assertThat(fast.labels()).isEqualTo(plain.labels);
      assertThat(fast.iterations()).isEqualTo(plain.iterations);
      assertThat(fast.inertia()).isCloseTo(plain.inertia, within(1e-9 * plain.inertia));
      double[][] c = fast.centroids();
      for (int j = 0; j < k; j++) {
        for (int t = 0; t < 3; t++) {
          assertThat(c[j][t]).isCloseTo(plain.centres[j * 3 + t], within(1e-9));
        }
      }
    }
  }

  @Test
  void fit_fewerDistinctPointsThanK_emptiesAreRelocatedWithoutCrashing() {
    double[][] rows = {{1, 1}, {1, 1}, {1, 1}, {5, 5}, {5, 5}, {9, 9}};
    KMeansModel m = KMeans.fit(rows, KMeansOptions.of(4).withThreads(1));
    assertThat(m.inertia()).isZero();
    // One of the three (1, 1) points is moved into the otherwise empty fourth cluster.
    assertThat(m.sizes()).containsExactlyInAnyOrder(1, 2, 2, 1);
  }

  @Test
  void fit_identicalPoints_stopsAtOnce() {
    double[][] rows = {{2, 3}, {2, 3}, {2, 3}, {2, 3}};
    KMeansModel m = KMeans.fit(rows, KMeansOptions.of(2).withThreads(1));
    assertThat(m.inertia()).isZero();
    assertThat(m.iterations()).isEqualTo(1);
  }

  @Test
  void fit_kAboveN_isRejected() {
    assertThatThrownBy(() -> KMeans.fit(new double[][] {{1}, {2}}, KMeansOptions.of(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("k (3) must not exceed the number of points (2)");
  }

  @Test
  void fit_nonFiniteCoordinate_namesThePoint() {
    double[][] rows = {{1, 2}, {3, Double.NaN}, {5, 6}};
    assertThatThrownBy(() -> KMeans.fit(rows, KMeansOptions.of(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("point 1, dimension 1");
  }

  @Test
  void options_invalidValues_areRejected() {
    assertThatThrownBy(() -> KMeansOptions.of(0)).hasMessageContaining("k must be at least 1");
    assertThatThrownBy(() -> KMeansOptions.of(2).withRestarts(0)).hasMessageContaining("restarts");
    assertThatThrownBy(() -> KMeansOptions.of(2).withThreads(0)).hasMessageContaining("threads");
    assertThatThrownBy(() -> KMeansOptions.of(2).withTolerance(Double.NaN))
        .hasMessageContaining("tolerance");
  }

  /** Textbook Lloyd with scikit-learn's stopping rule, for comparison. */
  static final class Lloyd {
    int[] labels;
    double[] centres;
    int iterations;
    double inertia;

    static Lloyd run(Points p, double[] init, int k, int maxIter, double tol) {
      int n = p.size();
      int d = p.dims();
      double[] x = p.values();
      Lloyd l = new Lloyd();
      l.centres = init.clone();
      l.labels = new int[n];
      int[] old = new int[n];
      java.util.Arrays.fill(old, -1);
      boolean strict = false;
      for (int it = 1; it <= maxIter; it++) {
        l.iterations = it;
        assign(x, n, d, k, l.centres, l.labels);
        double[] sum = new double[k * d];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
          count[l.labels[i]]++;
          for (int t = 0; t < d; t++) sum[l.labels[i] * d + t] += x[i * d + t];
        }
        double shift = 0;
        for (int j = 0; j < k; j++) {
          for (int t = 0; t < d; t++) {
            double v = sum[j * d + t] / count[j];
            shift += (v - l.centres[j * d + t]) * (v - l.centres[j * d + t]);
            l.centres[j * d + t] = v;
          }
        }
        if (java.util.Arrays.equals(old, l.labels)) {
          strict = true;
          break;
        }
        if (shift <= tol) break;
        System.arraycopy(l.labels, 0, old, 0, n);
      }
      if (!strict) assign(x, n, d, k, l.centres, l.labels);
      for (int i = 0; i < n; i++) {
        l.inertia += KMeansPlusPlus.dist2(x, i * d, l.centres, l.labels[i] * d, d);
      }
      return l;
    }

    private static void assign(double[] x, int n, int d, int k, double[] c, int[] labels) {
      for (int i = 0; i < n; i++) {
        int best = 0;
        double bd = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
          double v = KMeansPlusPlus.dist2(x, i * d, c, j * d, d);
          if (v < bd) {
            bd = v;
            best = j;
          }
        }
        labels[i] = best;
      }
    }
  }
}
