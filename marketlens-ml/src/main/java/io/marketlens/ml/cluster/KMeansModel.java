package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Arrays;
import java.util.Locale;

/**
 * A fitted k-means clustering. Arrays are copied on the way in and out, so instances are immutable
 * and thread-safe; cache {@link #labels()} rather than calling it in a loop.
 *
 * @param centroids k rows of the fitted cluster means
 * @param labels each point's cluster, in input order (the nearest centroid, lowest index on ties)
 * @param inertia the sum of squared distances from each point to its centroid
 * @param iterations Lloyd iterations run by the kept restart
 * @param converged whether the kept restart stopped before {@code maxIterations}
 * @param restart which restart was kept (0-based)
 */
public record KMeansModel(
    double[][] centroids,
    int[] labels,
    double inertia,
    int iterations,
    boolean converged,
    int restart) {

  public KMeansModel {
    Checks.requireArgument(centroids.length >= 1, "expected at least one centroid");
    Checks.requireArgument(
        Double.isFinite(inertia) && inertia >= 0, "inertia must be finite, found %s", inertia);
    double[][] c = new double[centroids.length][];
    for (int j = 0; j < c.length; j++) c[j] = centroids[j].clone();
    centroids = c;
    labels = labels.clone();
    for (int l : labels) {
      Checks.requireArgument(l >= 0 && l < c.length, "label %d outside [0, %d)", l, c.length);
    }
  }

  /** The number of clusters. */
  public int k() {
    return centroids.length;
  }

  @Override
  public double[][] centroids() {
    double[][] c = new double[centroids.length][];
    for (int j = 0; j < c.length; j++) c[j] = centroids[j].clone();
    return c;
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  /** The number of points in each cluster. */
  public int[] sizes() {
    int[] s = new int[centroids.length];
    for (int l : labels) s[l]++;
    return s;
  }

  /** The nearest centroid to {@code point} (lowest index on ties). */
  public int predict(double[] point) {
    Checks.requireArgument(
        point.length == centroids[0].length,
        "point has %d dimensions, the model %d",
        point.length,
        centroids[0].length);
    int best = 0;
    double bestD = Double.POSITIVE_INFINITY;
    for (int j = 0; j < centroids.length; j++) {
      double s = 0;
      for (int t = 0; t < point.length; t++) {
        double diff = point[t] - centroids[j][t];
        s += diff * diff;
      }
      if (s < bestD) {
        bestD = s;
        best = j;
      }
    }
    return best;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KMeansModel m
        && Arrays.deepEquals(centroids, m.centroids)
        && Arrays.equals(labels, m.labels)
        && Double.compare(inertia, m.inertia) == 0
        && iterations == m.iterations
        && converged == m.converged
        && restart == m.restart;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.deepHashCode(centroids) + Arrays.hashCode(labels);
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "KMeansModel[k=%d, n=%d, inertia=%.6g, iterations=%d, converged=%s, restart=%d]",
        centroids.length,
        labels.length,
        inertia,
        iterations,
        converged,
        restart);
  }
}
