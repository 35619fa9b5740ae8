package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Internal measures of a clustering's quality, matching scikit-learn's {@code silhouette_score} and
 * {@code calinski_harabasz_score} (Euclidean distance).
 *
 * <p>Thread-safe: calls share no state; each call owns its worker threads.
 */
public final class ClusterQuality {

  /** Up to this many points the silhouette is exact (all pairs). */
  public static final int EXACT_LIMIT = 20_000;

  /** Above {@link #EXACT_LIMIT}, the silhouette is taken on a seeded sample of this many points. */
  public static final int SAMPLE_SIZE = 10_000;

  private static final int BLOCK_ROWS = 64;

  /** Points whose distances are computed together (each loaded column value serves all). */
  private static final int GROUP = 4;

  /** Columns per pass, so the accumulators stay in the first-level cache. */
  private static final int CHUNK = 512;

  private ClusterQuality() {}

  /**
   * The mean silhouette: exact for up to {@value #EXACT_LIMIT} points, otherwise computed within a
   * random sample of {@value #SAMPLE_SIZE} points drawn with {@code seed} (as scikit-learn's {@code
   * sample_size}), which the result states.
   *
   * @param labels each point's cluster in [0, k)
   * @throws IllegalArgumentException unless at least 2 clusters are present and some cluster holds
   *     2 points or more
   */
  public static Silhouette silhouette(Points points, int[] labels, long seed, int threads) {
    return silhouette(points, labels, EXACT_LIMIT, SAMPLE_SIZE, seed, threads);
  }

  /** As {@link #silhouette(Points, int[], long, int)} with explicit limits. */
  public static Silhouette silhouette(
      Points points, int[] labels, int exactLimit, int sampleSize, long seed, int threads) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(labels, "labels");
    int n = points.size();
    Checks.requireArgument(
        labels.length == n, "labels has %d entries for %d points", labels.length, n);
    Checks.requireArgument(sampleSize >= 2, "sampleSize must be at least 2, found %d", sampleSize);
    if (n <= exactLimit) {
      return new Silhouette(exact(points, labels, threads), true, n);
    }
    int[] idx = sample(n, Math.min(sampleSize, n), seed);
    int d = points.dims();
    double[] sub = new double[idx.length * d];
    int[] subLabels = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      System.arraycopy(points.values(), idx[i] * d, sub, i * d, d);
      subLabels[i] = labels[idx[i]];
    }
    return new Silhouette(exact(new Points(sub, d), subLabels, threads), false, idx.length);
  }

  /**
   * The Calinski-Harabasz index (variance ratio criterion, Calinski and Harabasz 1974): between-
   * cluster dispersion over within-cluster dispersion, each divided by its degrees of freedom.
   * Centroids are the means of the labelled points. 1.0 when the within dispersion is 0, as in
   * scikit-learn.
   */
  public static double calinskiHarabasz(Points points, int[] labels) {
    int n = points.size();
    int d = points.dims();
    double[] x = points.values();
    int k = numberOfLabels(labels, n);
    int[] size = new int[k];
    double[] centre = new double[k * d];
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      int l = labels[i];
      size[l]++;
      for (int t = 0; t < d; t++) {
        centre[l * d + t] += x[i * d + t];
        mean[t] += x[i * d + t];
      }
    }
    int present = 0;
    for (int j = 0; j < k; j++) {
      if (size[j] == 0) continue;
      present++;
      for (int t = 0; t < d; t++) centre[j * d + t] /= size[j];
    }
    Checks.requireArgument(
        present >= 2 && present < n,
        "Calinski-Harabasz needs 2 to n-1 clusters, found %d for %d points",
        present,
        n);
    for (int t = 0; t < d; t++) mean[t] /= n;
    double within = 0;
    for (int i = 0; i < n; i++) within += KMeansPlusPlus.dist2(x, i * d, centre, labels[i] * d, d);
    double between = 0;
    for (int j = 0; j < k; j++) {
      if (size[j] > 0) between += size[j] * KMeansPlusPlus.dist2(centre, j * d, mean, 0, d);
    }
    if (within == 0) return 1.0;
    return between * (n - present) / (within * (present - 1));
  }

  /**
   * All-pairs silhouette. Points are laid out column-major in cluster order, so each point's
   * distances to all others are one vectorisable pass and each cluster's sum is a contiguous range.
   */
  private static double exact(Points points, int[] labels, int threads) {
    int n = points.size();
    int d = points.dims();
    double[] x = points.values();
    int k = numberOfLabels(labels, n);
    int[] size = new int[k];
    for (int l : labels) size[l]++;
    int present = 0;
    for (int s : size) if (s > 0) present++;
    Checks.requireArgument(
        present >= 2 && present <= n - 1,
        "silhouette needs 2 to n-1 clusters, found %d for %d points",
        present,
        n);
    int[] offset = new int[k + 1];
    for (int c = 0; c < k; c++) offset[c + 1] = offset[c] + size[c];
    // Point i's position in the cluster-ordered, column-major layout.
    int[] position = new int[n];
    int[] fill = Arrays.copyOf(offset, k);
    double[] cols = new double[d * n];
    for (int i = 0; i < n; i++) {
      int pos = fill[labels[i]]++;
      position[i] = pos;
      for (int t = 0; t < d; t++) cols[t * n + pos] = x[i * d + t];
    }
    int[] clusterAt = new int[n];
    for (int c = 0; c < k; c++) Arrays.fill(clusterAt, offset[c], offset[c + 1], c);
    double[] s = new double[n];
    try (BlockRunner runner = new BlockRunner(n, BLOCK_ROWS, threads)) {
      double[][] sums = new double[runner.threads()][GROUP * k];
      double[][] acc = new double[runner.threads()][GROUP * CHUNK];
      runner.run(
          (b, w) -> {
            double[] sum = sums[w];
            double[] a = acc[w];
            double[] xi = new double[GROUP * d];
            for (int g = runner.start(b), e = runner.end(b); g < e; g += GROUP) {
              int m = Math.min(GROUP, e - g);
              for (int q = 0; q < GROUP; q++) {
                int src = g + Math.min(q, m - 1);
                for (int t = 0; t < d; t++) xi[q * d + t] = cols[t * n + position[src]];
              }
              Arrays.fill(sum, 0);
              for (int from = 0; from < n; from += CHUNK) {
                int len = Math.min(CHUNK, n - from);
                groupDistances(cols, n, d, xi, from, len, a);
                for (int q = 0; q < m; q++) {
                  int qo = q * CHUNK;
                  int so = q * k;
                  int j = 0;
                  while (j < len) {
                    int c = clusterAt[from + j];
                    int stop = Math.min(len, offset[c + 1] - from);
                    double part = 0;
                    for (; j < stop; j++) part += Math.sqrt(a[qo + j]);
                    sum[so + c] += part;
                  }
                }
              }
              for (int q = 0; q < m; q++) {
                int i = g + q;
                int own = labels[i];
                if (size[own] <= 1) {
                  s[i] = 0;
                  continue;
                }
                double ai = sum[q * k + own] / (size[own] - 1);
                double bMin = Double.POSITIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                  if (c != own && size[c] > 0) bMin = Math.min(bMin, sum[q * k + c] / size[c]);
                }
                double mx = Math.max(ai, bMin);
                s[i] = mx > 0 ? (bMin - ai) / mx : 0;
              }
            }
          });
    }
    double total = 0;
    for (double v : s) total += v;
    return total / n;
  }

  /**
   * Squared distances from {@value #GROUP} points (rows of {@code xi}) to the cluster-ordered
   * points {@code from .. from + len}, into {@code a[q * CHUNK + j]}: each column value loaded once
   * serves all points of the group.
   */
  private static void groupDistances(
      double[] cols, int n, int d, double[] xi, int from, int len, double[] a) {
    double x0 = xi[0];
    double x1 = xi[d];
    double x2 = xi[2 * d];
    double x3 = xi[3 * d];
    for (int j = 0; j < len; j++) {
      double c = cols[from + j];
      double d0 = c - x0;
      double d1 = c - x1;
      double d2 = c - x2;
      double d3 = c - x3;
      a[j] = d0 * d0;
      a[CHUNK + j] = d1 * d1;
      a[2 * CHUNK + j] = d2 * d2;
      a[3 * CHUNK + j] = d3 * d3;
    }
    for (int t = 1; t < d; t++) {
      int to = t * n + from;
      x0 = xi[t];
      x1 = xi[d + t];
      x2 = xi[2 * d + t];
      x3 = xi[3 * d + t];
      for (int j = 0; j < len; j++) {
        double c = cols[to + j];
        double d0 = c - x0;
        double d1 = c - x1;
        double d2 = c - x2;
        double d3 = c - x3;
        a[j] += d0 * d0;
        a[CHUNK + j] += d1 * d1;
        a[2 * CHUNK + j] += d2 * d2;
        a[3 * CHUNK + j] += d3 * d3;
      }
    }
  }

  private static int numberOfLabels(int[] labels, int n) {
    Checks.requireArgument(
        labels.length == n, "labels has %d entries for %d points", labels.length, n);
    int k = 0;
    for (int l : labels) {
      Checks.requireArgument(l >= 0, "labels must be >= 0, found %d", l);
      k = Math.max(k, l + 1);
    }
    return k;
  }

  /** {@code m} distinct indices from [0, n), drawn with {@code seed}, in increasing order. */
  static int[] sample(int n, int m, long seed) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) idx[i] = i;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < m; i++) {
      int j = i + rng.nextInt(n - i);
      int t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    int[] out = Arrays.copyOf(idx, m);
    Arrays.sort(out);
    return out;
  }
}
