package io.marketlens.core.project;

import java.util.List;

/**
 * The {@code segments} mapping of a customers or transactions section: how its customers are
 * segmented. Checked for shape and values by the loader; the customers module interprets it.
 *
 * @param method {@code kmeans} (k chosen by silhouette, the default) or {@code hdbscan}
 * @param minClusterSize HDBSCAN's smallest cluster, at least 2, or 0 for the default (1% of the
 *     customers, at least 5)
 * @param minSamples HDBSCAN's density neighbour count, at least 1, or 0 for minClusterSize
 * @param selection HDBSCAN's cluster selection: {@code eom} (excess of mass, the default) or {@code
 *     leaf}
 */
public record SegmentSettings(String method, int minClusterSize, int minSamples, String selection) {

  public static final List<String> KEYS =
      List.of("method", "minClusterSize", "minSamples", "selection");
  public static final List<String> METHODS = List.of("kmeans", "hdbscan");
  public static final List<String> SELECTIONS = List.of("eom", "leaf");

  /** k-means with k chosen by silhouette. */
  public static SegmentSettings defaults() {
    return new SegmentSettings("kmeans", 0, 0, "eom");
  }
}
