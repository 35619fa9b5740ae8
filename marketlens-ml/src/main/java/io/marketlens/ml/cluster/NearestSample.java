package io.marketlens.ml.cluster;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Labels every point with the label of its nearest sampled point (Euclidean; the lowest sample
 * index on ties). The sample is sorted by the first coordinate, so each search only looks at
 * sampled points whose first coordinate is within the best distance found so far: exact, and fast
 * in the few dimensions customer features have.
 */
final class NearestSample {

  private NearestSample() {}

  /**
   * @param sample indices of the sampled points, increasing
   * @param sampleLabels the label of each sampled point, aligned with {@code sample}
   */
  static int[] labels(Points points, int[] sample, int[] sampleLabels, int threads) {
    int n = points.size();
    int d = points.dims();
    int m = sample.length;
    double[] x = points.values();
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) order[i] = i;
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> x[sample[i] * d]).thenComparingInt(i -> i));
    double[] key = new double[m];
    int[] at = new int[m];
    for (int r = 0; r < m; r++) {
      at[r] = order[r];
      key[r] = x[sample[order[r]] * d];
    }
    int[] labels = new int[n];
    boolean[] sampled = new boolean[n];
    for (int i = 0; i < m; i++) {
      sampled[sample[i]] = true;
      labels[sample[i]] = sampleLabels[i];
    }
    try (BlockRunner runner = new BlockRunner(n, Hdbscan.BLOCK_ROWS, threads)) {
      runner.run(
          (b, w) -> {
            for (int p = runner.start(b), e = runner.end(b); p < e; p++) {
              if (!sampled[p]) labels[p] = sampleLabels[nearest(x, d, p, sample, key, at)];
            }
          });
    }
    return labels;
  }

  /** The sample index nearest to point {@code p}. */
  private static int nearest(double[] x, int d, int p, int[] sample, double[] key, int[] at) {
    int m = key.length;
    double x0 = x[p * d];
    int pos = Arrays.binarySearch(key, x0);
    if (pos < 0) pos = -pos - 1;
    int start = Math.min(pos, m - 1);
    int best = at[start];
    double bestD = dist2(x, d, p, sample[best]);
    for (int r = start + 1; r < m; r++) {
      double dx = key[r] - x0;
      if (dx * dx > bestD) break;
      int i = at[r];
      double v = dist2(x, d, p, sample[i]);
      if (v < bestD || (v == bestD && i < best)) {
        bestD = v;
        best = i;
      }
    }
    for (int r = start - 1; r >= 0; r--) {
      double dx = x0 - key[r];
      if (dx * dx > bestD) break;
      int i = at[r];
      double v = dist2(x, d, p, sample[i]);
      if (v < bestD || (v == bestD && i < best)) {
        bestD = v;
        best = i;
      }
    }
    return best;
  }

  private static double dist2(double[] x, int d, int a, int b) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = x[a * d + t] - x[b * d + t];
      s += diff * diff;
    }
    return s;
  }
}
