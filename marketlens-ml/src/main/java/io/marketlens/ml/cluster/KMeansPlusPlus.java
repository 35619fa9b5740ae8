package io.marketlens.ml.cluster;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Greedy k-means++ seeding as scikit-learn does it (Arthur and Vassilvitskii 2007, "k-means++: the
 * advantages of careful seeding"; the greedy variant draws {@code 2 + floor(ln k)} candidates per
 * centre, in proportion to the squared distance to the nearest chosen centre, and keeps the one
 * that lowers the potential most). Sums are per block, reduced in block order.
 */
final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /** k initial centres, row-major. */
  static double[] seed(Points p, int k, SplittableRandom rng, BlockRunner runner) {
    double[] x = p.values();
    int n = p.size();
    int d = p.dims();
    int trials = 2 + (int) Math.log(k);
    Distances[] scratch = new Distances[runner.threads()];
    for (int w = 0; w < scratch.length; w++) scratch[w] = new Distances(d, trials);
    double[] centres = new double[k * d];
    int first = rng.nextInt(n);
    System.arraycopy(x, first * d, centres, 0, d);
    double[] closest = new double[n];
    double[] blockPot = new double[runner.blocks()];
    double[] one = Arrays.copyOf(centres, d);
    runner.run(
        (b, w) -> {
          Distances dist = scratch[w];
          double s = 0;
          for (int i = runner.start(b), e = runner.end(b); i < e; i += Distances.BATCH) {
            int m = Math.min(Distances.BATCH, e - i);
            dist.compute(x, null, i, m, one, 1);
            for (int q = 0; q < m; q++) {
              closest[i + q] = dist.out[q];
              s += dist.out[q];
            }
          }
          blockPot[b] = s;
        });
    double pot = sum(blockPot);
    int[] cand = new int[trials];
    double[] candRows = new double[trials * d];
    double[][] candPot = new double[runner.blocks()][trials];
    for (int c = 1; c < k; c++) {
      for (int t = 0; t < trials; t++) {
        cand[t] = draw(closest, blockPot, rng.nextDouble() * pot, pot, runner);
        System.arraycopy(x, cand[t] * d, candRows, t * d, d);
      }
      runner.run(
          (b, w) -> {
            Distances dist = scratch[w];
            double[] s = candPot[b];
            Arrays.fill(s, 0);
            for (int i = runner.start(b), e = runner.end(b); i < e; i += Distances.BATCH) {
              int m = Math.min(Distances.BATCH, e - i);
              dist.compute(x, null, i, m, candRows, trials);
              for (int q = 0; q < m; q++) {
                double ci = closest[i + q];
                for (int t = 0; t < trials; t++) {
                  s[t] += Math.min(dist.out[t * Distances.BATCH + q], ci);
                }
              }
            }
          });
      int best = 0;
      double bestPot = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        double s = 0;
        for (double[] bp : candPot) s += bp[t];
        if (s < bestPot) {
          bestPot = s;
          best = t;
        }
      }
      int chosen = cand[best];
      System.arraycopy(x, chosen * d, centres, c * d, d);
      double[] row = Arrays.copyOfRange(x, chosen * d, chosen * d + d);
      runner.run(
          (b, w) -> {
            Distances dist = scratch[w];
            double s = 0;
            for (int i = runner.start(b), e = runner.end(b); i < e; i += Distances.BATCH) {
              int m = Math.min(Distances.BATCH, e - i);
              dist.compute(x, null, i, m, row, 1);
              for (int q = 0; q < m; q++) {
                double v = Math.min(closest[i + q], dist.out[q]);
                closest[i + q] = v;
                s += v;
              }
            }
            blockPot[b] = s;
          });
      pot = sum(blockPot);
    }
    return centres;
  }

  /**
   * The first point whose cumulative squared distance reaches {@code r} (scikit-learn's {@code
   * searchsorted} on the cumulative sum), skipping points that are already centres.
   */
  private static int draw(
      double[] closest, double[] blockPot, double r, double pot, BlockRunner runner) {
    if (pot <= 0) return 0;
    double acc = 0;
    int lastPositive = 0;
    for (int b = 0; b < blockPot.length; b++) {
      if (acc + blockPot[b] < r && b < blockPot.length - 1) {
        acc += blockPot[b];
        continue;
      }
      for (int i = runner.start(b), e = runner.end(b); i < e; i++) {
        if (closest[i] <= 0) continue;
        lastPositive = i;
        acc += closest[i];
        if (acc >= r) return i;
      }
    }
    return lastPositive;
  }

  static double sum(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s;
  }

  static double dist2(double[] a, int ao, double[] b, int bo, int d) {
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = a[ao + t] - b[bo + t];
      s += diff * diff;
    }
    return s;
  }
}
