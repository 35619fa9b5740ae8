package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;

/**
 * How {@link KMeans#fit} runs.
 *
 * @param k the number of clusters, at least 1
 * @param restarts independent k-means++ seedings (scikit-learn's {@code n_init}); the fit with the
 *     lowest inertia is kept, the earliest on ties. Default {@value #DEFAULT_RESTARTS}
 * @param maxIterations the most Lloyd iterations per restart (default {@value
 *     #DEFAULT_MAX_ITERATIONS})
 * @param tolerance convergence threshold relative to the data: a run stops when the squared
 *     centroid shifts sum to at most {@code tolerance} times the mean per-dimension variance (as in
 *     scikit-learn; default {@value #DEFAULT_TOLERANCE}), or when no point changed cluster
 * @param seed the seed of the k-means++ seedings; restarts get child generators split from it
 * @param threads worker threads for the assignment and seeding passes, at least 1. The result does
 *     not depend on it: sums are taken over fixed blocks of points, in block order
 */
public record KMeansOptions(
    int k, int restarts, int maxIterations, double tolerance, long seed, int threads) {

  public static final int DEFAULT_RESTARTS = 10;
  public static final int DEFAULT_MAX_ITERATIONS = 300;
  public static final double DEFAULT_TOLERANCE = 1e-4;
  public static final long DEFAULT_SEED = 42;

  public KMeansOptions {
    Checks.requireArgument(k >= 1, "k must be at least 1, found %d", k);
    Checks.requireArgument(restarts >= 1, "restarts must be at least 1, found %d", restarts);
    Checks.requireArgument(
        maxIterations >= 1, "maxIterations must be at least 1, found %d", maxIterations);
    Checks.requireArgument(
        tolerance >= 0 && Double.isFinite(tolerance),
        "tolerance must be finite and >= 0, found %s",
        tolerance);
    Checks.requireArgument(threads >= 1, "threads must be at least 1, found %d", threads);
  }

  /**
   * {@code k} clusters, 10 restarts, 300 iterations, tolerance 1e-4, seed 42, one thread per
   * available processor.
   */
  public static KMeansOptions of(int k) {
    return new KMeansOptions(
        k,
        DEFAULT_RESTARTS,
        DEFAULT_MAX_ITERATIONS,
        DEFAULT_TOLERANCE,
        DEFAULT_SEED,
        Runtime.getRuntime().availableProcessors());
  }

  public KMeansOptions withK(int newK) {
    return new KMeansOptions(newK, restarts, maxIterations, tolerance, seed, threads);
  }

  public KMeansOptions withRestarts(int newRestarts) {
    return new KMeansOptions(k, newRestarts, maxIterations, tolerance, seed, threads);
  }

  public KMeansOptions withMaxIterations(int newMaxIterations) {
    return new KMeansOptions(k, restarts, newMaxIterations, tolerance, seed, threads);
  }

  public KMeansOptions withTolerance(double newTolerance) {
    return new KMeansOptions(k, restarts, maxIterations, newTolerance, seed, threads);
  }

  public KMeansOptions withSeed(long newSeed) {
    return new KMeansOptions(k, restarts, maxIterations, tolerance, newSeed, threads);
  }

  public KMeansOptions withThreads(int newThreads) {
    return new KMeansOptions(k, restarts, maxIterations, tolerance, seed, newThreads);
  }
}
