package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses the number of clusters: k-means for every k in a range, the k with the highest mean
 * silhouette kept (Rousseeuw 1987), the Calinski-Harabasz index reported beside it as a check.
 *
 * <p>The silhouettes are exact up to {@value ClusterQuality#EXACT_LIMIT} points; above, every k is
 * scored on the same seeded sample. Deterministic for a given seed whatever the thread count.
 * Thread-safe.
 */
public final class AutoK {

  private AutoK() {}

  /**
   * Tries every k in {@code [minK, min(maxK, distinct points, n - 1)]}.
   *
   * @throws IllegalArgumentException when there are fewer than 3 points or fewer than 2 distinct
   *     points, or a coordinate is not finite
   */
  public static AutoKResult choose(Points points, AutoKOptions options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(options, "options");
    int n = points.size();
    Checks.requireArgument(n >= 3, "choosing k needs at least 3 points, found %d", n);
    points.requireFinite();
    int distinct = points.distinct(options.maxK() + 1);
    Checks.requireArgument(
        distinct >= 2, "choosing k needs at least 2 distinct points, found %d", distinct);
    int maxK = Math.min(options.maxK(), Math.min(distinct, n - 1));
    int minK = Math.min(options.minK(), maxK);
    KMeansOptions km = options.kmeans();
    List<KScore> scores = new ArrayList<>();
    KMeansModel bestModel = null;
    Silhouette bestSil = null;
    int bestK = -1;
    int chK = -1;
    double bestCh = Double.NEGATIVE_INFINITY;
    for (int k = minK; k <= maxK; k++) {
      KMeansModel m = KMeans.fit(points, km.withK(k));
      int[] labels = m.labels();
      Silhouette s = ClusterQuality.silhouette(points, labels, km.seed(), km.threads());
      double ch = ClusterQuality.calinskiHarabasz(points, labels);
      List<Integer> sizes = new ArrayList<>();
      for (int v : m.sizes()) sizes.add(v);
      scores.add(new KScore(k, s.value(), ch, m.inertia(), m.iterations(), sizes));
      if (bestSil == null || s.value() > bestSil.value()) {
        bestSil = s;
        bestK = k;
        bestModel = m;
      }
      if (ch > bestCh) {
        bestCh = ch;
        chK = k;
      }
    }
    return new AutoKResult(bestK, scores, bestModel, chK, bestSil.exact(), bestSil.points());
  }
}
