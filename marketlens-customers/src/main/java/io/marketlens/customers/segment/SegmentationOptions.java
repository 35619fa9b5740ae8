package io.marketlens.customers.segment;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.util.List;

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
    double minDifference) {

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
  }

  /** k = 2..8 by silhouette, 10 restarts, seed 42, all processors, RFM or all features. */
  public static SegmentationOptions defaults() {
    return new SegmentationOptions(
        2, 8, 0, 10, 42, Runtime.getRuntime().availableProcessors(), List.of(), 3, 0.3);
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
        minDifference);
  }

  public SegmentationOptions withFixedK(int k) {
    return new SegmentationOptions(
        minK, maxK, k, restarts, seed, threads, clusterFeatures, maxDistinguishing, minDifference);
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
        minDifference);
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
        minDifference);
  }

  public SegmentationOptions withClusterFeatures(List<String> names) {
    return new SegmentationOptions(
        minK, maxK, fixedK, restarts, seed, threads, names, maxDistinguishing, minDifference);
  }
}
