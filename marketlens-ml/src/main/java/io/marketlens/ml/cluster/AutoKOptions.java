package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Objects;

/**
 * How {@link AutoK#choose} searches for k.
 *
 * @param minK the smallest k tried, at least 2 (default 2)
 * @param maxK the largest k tried, at least {@code minK} (default 8); lowered to the number of
 *     distinct points and to n - 1 when the data are smaller
 * @param kmeans the k-means settings for every k (its own {@code k} is ignored); its seed also
 *     draws the silhouette sample
 */
public record AutoKOptions(int minK, int maxK, KMeansOptions kmeans) {

  public static final int DEFAULT_MIN_K = 2;
  public static final int DEFAULT_MAX_K = 8;

  public AutoKOptions {
    Objects.requireNonNull(kmeans, "kmeans");
    Checks.requireArgument(minK >= 2, "minK must be at least 2, found %d", minK);
    Checks.requireArgument(maxK >= minK, "maxK (%d) must be at least minK (%d)", maxK, minK);
  }

  /** k = 2..8 with {@link KMeansOptions#of} (10 restarts, seed 42). */
  public static AutoKOptions defaults() {
    return new AutoKOptions(DEFAULT_MIN_K, DEFAULT_MAX_K, KMeansOptions.of(DEFAULT_MIN_K));
  }

  public AutoKOptions withRange(int newMinK, int newMaxK) {
    return new AutoKOptions(newMinK, newMaxK, kmeans);
  }

  public AutoKOptions withKMeans(KMeansOptions newKMeans) {
    return new AutoKOptions(minK, maxK, newKMeans);
  }
}
