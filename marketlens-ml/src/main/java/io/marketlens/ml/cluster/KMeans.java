package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * K-means clustering: greedy k-means++ seeding and Lloyd iterations, as scikit-learn's {@code
 * KMeans(init="k-means++", algorithm="lloyd")} runs them, with Hamerly's bounds to skip distance
 * computations that cannot change an assignment (same assignments, fewer distances).
 *
 * <p>Usage: {@code KMeansModel m = KMeans.fit(Points.of(rows), KMeansOptions.of(3));}
 *
 * <p>Deterministic: the same points and options give the same model, whatever {@code threads} is.
 * Each restart draws from its own generator split from {@code seed}; the restart with the lowest
 * inertia is kept (the earliest on ties). Thread-safe: calls share no state; each call owns its
 * worker threads and stops them before returning.
 */
public final class KMeans {

  /** Rows per block of the parallel passes (fixed, so results do not depend on threads). */
  static final int BLOCK_ROWS = 4096;

  private KMeans() {}

  /**
   * Fits k-means to {@code points}.
   *
   * @throws IllegalArgumentException when a coordinate is not finite or {@code k} exceeds the
   *     number of points
   */
  public static KMeansModel fit(Points points, KMeansOptions options) {
    Objects.requireNonNull(points, "points");
    Objects.requireNonNull(options, "options");
    int n = points.size();
    Checks.requireArgument(
        options.k() <= n, "k (%d) must not exceed the number of points (%d)", options.k(), n);
    points.requireFinite();
    double tol = options.tolerance() * meanVariance(points);
    long[] seeds = restartSeeds(options);
    int blocks = (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
    if (options.threads() > 1 && options.restarts() > 1 && blocks < 2 * options.threads()) {
      return parallelRestarts(points, options, tol, seeds);
    }
    KMeansModel best = null;
    try (BlockRunner runner = new BlockRunner(n, BLOCK_ROWS, options.threads())) {
      for (int r = 0; r < seeds.length; r++) {
        KMeansModel m = one(points, options, tol, seeds[r], r, runner);
        if (best == null || m.inertia() < best.inertia()) best = m;
      }
    }
    return best;
  }

  /** Fits k-means to rows of equal length; see {@link #fit(Points, KMeansOptions)}. */
  public static KMeansModel fit(double[][] rows, KMeansOptions options) {
    return fit(Points.of(rows), options);
  }

  private static KMeansModel one(
      Points p, KMeansOptions o, double tol, long seed, int restart, BlockRunner runner) {
    double[] init = KMeansPlusPlus.seed(p, o.k(), new SplittableRandom(seed), runner);
    return Hamerly.run(p, init, o.k(), o.maxIterations(), tol, restart, runner);
  }

  /** Small data: restarts side by side, each on one thread (the blocks, hence bits, are equal). */
  private static KMeansModel parallelRestarts(Points p, KMeansOptions o, double tol, long[] seeds) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(o.threads(), seeds.length),
            r -> {
              Thread t = new Thread(r, "marketlens-kmeans-restart");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<KMeansModel>> fs = new ArrayList<>();
      for (int r = 0; r < seeds.length; r++) {
        final int restart = r;
        fs.add(
            pool.submit(
                () -> {
                  try (BlockRunner single = new BlockRunner(p.size(), BLOCK_ROWS, 1)) {
                    return one(p, o, tol, seeds[restart], restart, single);
                  }
                }));
      }
      KMeansModel best = null;
      for (Future<KMeansModel> f : fs) {
        KMeansModel m = f.get();
        if (best == null || m.inertia() < best.inertia()) best = m;
      }
      return best;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("k-means interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** One child seed per restart, split in order from the options' seed. */
  private static long[] restartSeeds(KMeansOptions o) {
    SplittableRandom root = new SplittableRandom(o.seed());
    long[] seeds = new long[o.restarts()];
    for (int r = 0; r < seeds.length; r++) seeds[r] = root.split().nextLong();
    return seeds;
  }

  /**
   * The mean over dimensions of the per-dimension (population) variance; two passes in row order.
   */
  static double meanVariance(Points p) {
    int n = p.size();
    int d = p.dims();
    double[] x = p.values();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      int o = i * d;
      for (int t = 0; t < d; t++) mean[t] += x[o + t];
    }
    for (int t = 0; t < d; t++) mean[t] /= n;
    double[] var = new double[d];
    for (int i = 0; i < n; i++) {
      int o = i * d;
      for (int t = 0; t < d; t++) {
        double diff = x[o + t] - mean[t];
        var[t] += diff * diff;
      }
    }
    double total = 0;
    for (int t = 0; t < d; t++) total += var[t] / n;
    return total / d;
  }
}
