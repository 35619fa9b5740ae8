package io.marketlens.customers.segment;

import java.util.Locale;

/** How {@link Segmentation#run} forms segments. */
public enum SegmentationMethod {
  /**
   * k-means++ with seeded restarts, k chosen by silhouette in a range (or fixed): every customer is
   * in a segment.
   */
  KMEANS,
  /**
   * HDBSCAN (density-based): the number of segments follows from the data and customers in no dense
   * region are reported as unclustered rather than forced into a segment.
   */
  HDBSCAN;

  /** The name used in project files and results ("kmeans", "hdbscan"). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
