package io.marketlens.customers.segment;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.cluster.ClusterSelection;
import java.util.List;
import java.util.Objects;

/**
 * How {@link Segmentation#run} segments customers.
 *
 * @param minK the smallest number of segments tried (default 2)
 * @param maxK the largest number tried (default 8)
 * @param fixedK a number of segments to use without choosing, or 0 to choose by silhouette
 * @param restarts k-means++ restarts per k (default 10, as scikit-learn's {@code n_init})
 * @param seed the seed of every random choice (default 42)
 * @param threads worker threads; results do not depend on it
 * @param clusterFeatures the features to cluster on; empty means recency, frequency and monetary
 *     value when the table has them (the classic RFM segmentation), otherwise every feature but the
 *     lifetime value
 * @param maxDistinguishing how many features describe a segment at most (default 3)
 * @param minDifference the smallest |standardised difference| that counts as distinguishing
 *     (default 0.3); a segment with none gets its strongest one
 * @param method k-means (default) or HDBSCAN; the k settings apply to k-means, the three below to
 *     HDBSCAN
 * @param minClusterSize HDBSCAN's smallest segment in customers, at least 2, or 0 for the default
 *     (see {@link #defaultMinClusterSize})
 * @param minSamples HDBSCAN's density neighbour count, at least 1, or 0 to use minClusterSize (as
 *     the {@code hdbscan} library does)
 * @param selection HDBSCAN's cluster selection (default excess of mass)
 */
public record SegmentationOptions(
    int minK,
    int maxK,
    int fixedK,
    int restarts,
    long seed,
    int threads,
    List<String> clusterFeatures,
    int maxDistinguishing,
    double minDifference,
    SegmentationMethod method,
    int minClusterSize,
    int minSamples,
    ClusterSelection selection) {

  public SegmentationOptions {
    if (minK < 2 || maxK < minK) {
      throw InvalidInputException.in(null)
          .key("segments.k")
          .expected("a range of at least 2 segments, min <= max")
          .found(minK + ".." + maxK)
          .build();
    }
    if (fixedK < 0 || fixedK == 1) {
      throw InvalidInputException.in(null)
          .key("segments.k")
          .expected("0 (choose automatically) or at least 2 segments")
          .found(String.valueOf(fixedK))
          .build();
    }
    if (minClusterSize < 0 || minClusterSize == 1) {
      throw InvalidInputException.in(null)
          .key("segments.minClusterSize")
          .expected("0 (the default) or at least 2 customers")
          .found(String.valueOf(minClusterSize))
          .build();
    }
    if (minSamples < 0) {
      throw InvalidInputException.in(null)
          .key("segments.minSamples")
          .expected("0 (same as minClusterSize) or at least 1")
          .found(String.valueOf(minSamples))
          .build();
    }
    Checks.requireArgument(restarts >= 1, "restarts must be at least 1, found %d", restarts);
    Checks.requireArgument(threads >= 1, "threads must be at least 1, found %d", threads);
    Checks.requireArgument(
        maxDistinguishing >= 1,
        "maxDistinguishing must be at least 1, found %d",
        maxDistinguishing);
    Checks.requireArgument(
        minDifference >= 0 && Double.isFinite(minDifference),
        "minDifference must be finite and >= 0, found %s",
        minDifference);
    clusterFeatures = clusterFeatures == null ? List.of() : List.copyOf(clusterFeatures);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(selection, "selection");
  }

  /**
   * k-means with k = 2..8 by silhouette, 10 restarts, seed 42, all processors, RFM or all features.
   */
  public static SegmentationOptions defaults() {
    return new SegmentationOptions(
        2,
        8,
        0,
        10,
        42,
        Runtime.getRuntime().availableProcessors(),
        List.of(),
        3,
        0.3,
        SegmentationMethod.KMEANS,
        0,
        0,
        ClusterSelection.EXCESS_OF_MASS);
  }

  /**
   * HDBSCAN's default smallest segment for {@code customers} customers: 1% of them, at least 5. A
   * segment of under 1% of the base is rarely worth a persona, and a size that grows with the base
   * keeps the number of segments about the same from a thousand customers to a million (a fixed
   * size, like the libraries' 5, splits 4,000 Online Retail customers into 30 clusters); the floor
   * keeps small tables from segments of two or three customers.
   */
  public static int defaultMinClusterSize(int customers) {
    return (int) Math.max(5, Math.round(0.01 * customers));
  }

  public SegmentationOptions withRange(int newMinK, int newMaxK) {
    return new SegmentationOptions(
        newMinK,
        newMaxK,
        fixedK,
        restarts,
        seed,
        threads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        method,
        minClusterSize,
        minSamples,
        selection);
  }

  public SegmentationOptions withFixedK(int k) {
    return new SegmentationOptions(
        minK,
        maxK,
        k,
        restarts,
        seed,
        threads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        method,
        minClusterSize,
        minSamples,
        selection);
  }

  public SegmentationOptions withSeed(long newSeed) {
    return new SegmentationOptions(
        minK,
        maxK,
        fixedK,
        restarts,
        newSeed,
        threads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        method,
        minClusterSize,
        minSamples,
        selection);
  }

  public SegmentationOptions withThreads(int newThreads) {
    return new SegmentationOptions(
        minK,
        maxK,
        fixedK,
        restarts,
        seed,
        newThreads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        method,
        minClusterSize,
        minSamples,
        selection);
  }

  public SegmentationOptions withClusterFeatures(List<String> names) {
    return new SegmentationOptions(
        minK,
        maxK,
        fixedK,
        restarts,
        seed,
        threads,
        names,
        maxDistinguishing,
        minDifference,
        method,
        minClusterSize,
        minSamples,
        selection);
  }

  /** k-means (k by silhouette, or fixed). */
  public SegmentationOptions kmeans() {
    return new SegmentationOptions(
        minK,
        maxK,
        fixedK,
        restarts,
        seed,
        threads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        SegmentationMethod.KMEANS,
        minClusterSize,
        minSamples,
        selection);
  }

  /**
   * HDBSCAN with these parameters.
   *
   * @param newMinClusterSize at least 2, or 0 for the default
   * @param newMinSamples at least 1, or 0 for minClusterSize
   */
  public SegmentationOptions hdbscan(
      int newMinClusterSize, int newMinSamples, ClusterSelection newSelection) {
    return new SegmentationOptions(
        minK,
        maxK,
        fixedK,
        restarts,
        seed,
        threads,
        clusterFeatures,
        maxDistinguishing,
        minDifference,
        SegmentationMethod.HDBSCAN,
        newMinClusterSize,
        newMinSamples,
        newSelection);
  }
}
