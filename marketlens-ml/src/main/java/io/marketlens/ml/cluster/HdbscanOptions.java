package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Objects;

/**
 * How {@link Hdbscan#fit} runs.
 *
 * @param minClusterSize the fewest points a cluster may have, at least 2
 * @param minSamples the neighbour whose distance is a point's core distance: the {@code
 *     minSamples}-th nearest other point (the point itself not counted, as in the {@code hdbscan}
 *     Python library; scikit-learn's {@code HDBSCAN} counts the point, so its {@code min_samples}
 *     is ours + 1). At least 1; larger values smooth the density estimate and call more points
 *     noise
 * @param selection excess of mass (default) or leaf
 * @param maxPoints above this many points the tree is fitted on a seeded sample of this many, with
 *     minClusterSize and minSamples scaled by the sampling fraction, and every other point takes
 *     the label of its nearest sampled point (default {@value #DEFAULT_MAX_POINTS}); the exact fit
 *     costs O(n²) time and O(n) memory
 * @param seed the seed of that sample
 * @param threads worker threads for the core distances, Prim's inner loop and the nearest-sample
 *     assignment; the result does not depend on it
 */
public record HdbscanOptions(
    int minClusterSize,
    int minSamples,
    ClusterSelection selection,
    int maxPoints,
    long seed,
    int threads) {

  public static final int DEFAULT_MAX_POINTS = 20_000;

  public HdbscanOptions {
    Checks.requireArgument(
        minClusterSize >= 2, "minClusterSize must be at least 2, found %d", minClusterSize);
    Checks.requireArgument(minSamples >= 1, "minSamples must be at least 1, found %d", minSamples);
    Objects.requireNonNull(selection, "selection");
    Checks.requireArgument(maxPoints >= 2, "maxPoints must be at least 2, found %d", maxPoints);
    Checks.requireArgument(threads >= 1, "threads must be at least 1, found %d", threads);
  }

  /**
   * Clusters of at least {@code minClusterSize} points, minSamples equal to it, excess of mass,
   * exact up to {@value #DEFAULT_MAX_POINTS} points, seed 42, one thread per processor.
   */
  public static HdbscanOptions of(int minClusterSize) {
    return new HdbscanOptions(
        minClusterSize,
        minClusterSize,
        ClusterSelection.EXCESS_OF_MASS,
        DEFAULT_MAX_POINTS,
        KMeansOptions.DEFAULT_SEED,
        Runtime.getRuntime().availableProcessors());
  }

  public HdbscanOptions withMinSamples(int newMinSamples) {
    return new HdbscanOptions(minClusterSize, newMinSamples, selection, maxPoints, seed, threads);
  }

  public HdbscanOptions withSelection(ClusterSelection newSelection) {
    return new HdbscanOptions(minClusterSize, minSamples, newSelection, maxPoints, seed, threads);
  }

  public HdbscanOptions withMaxPoints(int newMaxPoints) {
    return new HdbscanOptions(minClusterSize, minSamples, selection, newMaxPoints, seed, threads);
  }

  public HdbscanOptions withSeed(long newSeed) {
    return new HdbscanOptions(minClusterSize, minSamples, selection, maxPoints, newSeed, threads);
  }

  public HdbscanOptions withThreads(int newThreads) {
    return new HdbscanOptions(minClusterSize, minSamples, selection, maxPoints, seed, newThreads);
  }
}
