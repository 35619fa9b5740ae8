package io.marketlens.ml.cluster;

import java.util.Arrays;

/**
 * One run of Lloyd's k-means iterations from given centres, with Hamerly's bounds to skip distance
 * computations that cannot change an assignment (Hamerly 2010, "Making k-means even faster", SIAM
 * SDM). The assignments, iterations and stopping rule are those of plain Lloyd as scikit-learn runs
 * it: stop when no label changed ("strict convergence") or when the squared centre shifts sum to at
 * most the tolerance; then, unless strictly converged, assign once more to the final centres.
 *
 * <p>Per point it keeps an upper bound on the distance to its centre and a lower bound on the
 * distance to every other centre; a point is looked at again only when the upper bound exceeds both
 * the lower bound and half the distance from its centre to the nearest other centre. Cluster sums
 * are updated incrementally from per-block deltas, reduced in block order, so the result does not
 * depend on the number of threads. Empty clusters take the points farthest from their centres, as
 * in scikit-learn.
 */
final class Hamerly {

  private final double[] x;
  private final int n;
  private final int d;
  private final int k;
  private final BlockRunner runner;
  private final double[] centres;
  private final double[] sums;
  private final long[] counts;
  private final int[] labels;
  private final double[] upper;
  private final double[] lower;
  private final double[] half;

  /** Each centre's summed shifts since the start (the "drift" its points' upper bounds carry). */
  private final double[] drift;

  /** The summed largest shift per iteration since the start (what every lower bound loses). */
  private double maxDrift;

  private final double[][] blockSums;
  private final long[][] blockCounts;
  private final int[] blockChanged;
  private final int[][] lists;
  private final Distances[] scratch;

  private Hamerly(Points p, double[] initial, int k, BlockRunner runner) {
    this.x = p.values();
    this.n = p.size();
    this.d = p.dims();
    this.k = k;
    this.runner = runner;
    this.centres = initial.clone();
    this.sums = new double[k * d];
    this.counts = new long[k];
    this.labels = new int[n];
    this.upper = new double[n];
    this.lower = new double[n];
    this.half = new double[k];
    this.drift = new double[k];
    this.blockSums = new double[runner.blocks()][k * d];
    this.blockCounts = new long[runner.blocks()][k];
    this.blockChanged = new int[runner.blocks()];
    this.lists = new int[runner.threads()][KMeans.BLOCK_ROWS];
    this.scratch = new Distances[runner.threads()];
    for (int w = 0; w < scratch.length; w++) scratch[w] = new Distances(d, k);
  }

  /** Runs Lloyd from {@code initial} (k rows, row-major). */
  static KMeansModel run(
      Points p,
      double[] initial,
      int k,
      int maxIterations,
      double absoluteTolerance,
      int restart,
      BlockRunner runner) {
    return new Hamerly(p, initial, k, runner).iterate(maxIterations, absoluteTolerance, restart);
  }

  private KMeansModel iterate(int maxIterations, double tol, int restart) {
    halfDistances();
    assignAll();
    boolean strict = false;
    boolean converged = false;
    int it = 1;
    while (true) {
      int changed = it == 1 ? n : reduceChanged();
      double shiftTotal = updateCentres();
      if (it > 1 && changed == 0) {
        strict = true;
        converged = true;
        break;
      }
      if (shiftTotal <= tol) {
        converged = true;
        break;
      }
      if (it >= maxIterations) break;
      it++;
      halfDistances();
      assignBounded();
    }
    if (!strict) {
      halfDistances();
      assignBounded();
    }
    return new KMeansModel(centroidRows(), labels, inertia(), it, converged, restart);
  }

  /** Iteration 1: every distance computed; sums from scratch. */
  private void assignAll() {
    Arrays.fill(labels, -1);
    assign(true);
    Arrays.fill(sums, 0);
    Arrays.fill(counts, 0);
    reduceDeltas();
  }

  /** Later iterations: bounds moved by the last shifts, then checked; deltas into block sums. */
  private void assignBounded() {
    assign(false);
    reduceDeltas();
  }

  /**
   * One assignment pass. Each block first lists the points whose bounds do not prove their
   * assignment (all of them on the first pass), then computes those points' distances to every
   * centre in vectorised batches and records label changes as per-block deltas of the sums.
   */
  private void assign(boolean all) {
    final double md = maxDrift;
    runner.run(
        (b, w) -> {
          double[] s = blockSums[b];
          long[] c = blockCounts[b];
          Arrays.fill(s, 0);
          Arrays.fill(c, 0);
          int[] list = lists[w];
          int listed = 0;
          int start = runner.start(b);
          int end = runner.end(b);
          if (all) {
            for (int i = start; i < end; i++) list[listed++] = i;
          } else {
            // Bounds are stored net of the drift at the time they were exact, so a point whose
            // bounds still prove its assignment costs three reads and no write.
            for (int i = start; i < end; i++) {
              int a = labels[i];
              double u = upper[i] + drift[a];
              if (u > half[a] && u > lower[i] - md) list[listed++] = i;
            }
          }
          Distances dist = scratch[w];
          double[] out = dist.out;
          int changed = 0;
          for (int from = 0; from < listed; from += Distances.BATCH) {
            int m = Math.min(Distances.BATCH, listed - from);
            dist.compute(x, list, from, m, centres, k);
            for (int q = 0; q < m; q++) {
              int best = 0;
              double b1 = out[q];
              double b2 = Double.POSITIVE_INFINITY;
              for (int j = 1; j < k; j++) {
                double v = out[j * Distances.BATCH + q];
                boolean closer = v < b1;
                b2 = closer ? b1 : Math.min(b2, v);
                best = closer ? j : best;
                b1 = closer ? v : b1;
              }
              int i = list[from + q];
              upper[i] = Math.sqrt(b1) - drift[best];
              lower[i] = Math.sqrt(b2) + md;
              int was = labels[i];
              if (was == best) continue;
              labels[i] = best;
              changed++;
              int xo = i * d;
              int to = best * d;
              if (was >= 0) {
                int fromRow = was * d;
                for (int t = 0; t < d; t++) s[fromRow + t] -= x[xo + t];
                c[was]--;
              }
              for (int t = 0; t < d; t++) s[to + t] += x[xo + t];
              c[best]++;
            }
          }
          blockChanged[b] = changed;
        });
  }

  private void reduceDeltas() {
    for (int b = 0; b < blockSums.length; b++) {
      double[] s = blockSums[b];
      long[] c = blockCounts[b];
      for (int t = 0; t < sums.length; t++) sums[t] += s[t];
      for (int j = 0; j < k; j++) counts[j] += c[j];
    }
  }

  private int reduceChanged() {
    int c = 0;
    for (int v : blockChanged) c += v;
    return c;
  }

  /** New centres from the sums; returns the sum of squared shifts and records the shifts. */
  private double updateCentres() {
    relocateEmpty();
    double total = 0;
    double maxShift = 0;
    for (int j = 0; j < k; j++) {
      double s2 = 0;
      int o = j * d;
      for (int t = 0; t < d; t++) {
        double v = sums[o + t] / counts[j];
        double diff = v - centres[o + t];
        s2 += diff * diff;
        centres[o + t] = v;
      }
      total += s2;
      double s = Math.sqrt(s2);
      drift[j] += s;
      maxShift = Math.max(maxShift, s);
    }
    maxDrift += maxShift;
    return total;
  }

  /**
   * Empty clusters take the points farthest from their current centres (largest first, lowest index
   * on ties), one each, as scikit-learn's {@code _relocate_empty_clusters} does.
   */
  private void relocateEmpty() {
    int empty = 0;
    for (int j = 0; j < k; j++) if (counts[j] == 0) empty++;
    if (empty == 0) return;
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = KMeansPlusPlus.dist2(x, i * d, centres, labels[i] * d, d);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(
        order,
        (p, q) ->
            p.equals(q)
                ? 0
                : dist[q] != dist[p] ? Double.compare(dist[q], dist[p]) : Integer.compare(p, q));
    int next = 0;
    for (int j = 0; j < k; j++) {
      if (counts[j] != 0) continue;
      int i;
      do {
        i = order[next++];
      } while (counts[labels[i]] <= 1 && next < n);
      int from = labels[i];
      int xo = i * d;
      for (int t = 0; t < d; t++) {
        sums[from * d + t] -= x[xo + t];
        sums[j * d + t] = x[xo + t];
      }
      counts[from]--;
      counts[j] = 1;
      labels[i] = j;
      // Exact distance 0 to its new centre, stored net of the drift (updated after this).
      upper[i] = -drift[j];
      lower[i] = maxDrift;
    }
  }

  /** Half the distance from each centre to its nearest other centre (Hamerly's s(j)). */
  private void halfDistances() {
    Arrays.fill(half, Double.POSITIVE_INFINITY);
    for (int j = 0; j < k; j++) {
      for (int m = j + 1; m < k; m++) {
        double v = 0.5 * Math.sqrt(KMeansPlusPlus.dist2(centres, j * d, centres, m * d, d));
        if (v < half[j]) half[j] = v;
        if (v < half[m]) half[m] = v;
      }
    }
  }

  private double inertia() {
    double[] blockInertia = new double[runner.blocks()];
    runner.run(
        (b, w) -> {
          double s = 0;
          for (int i = runner.start(b), e = runner.end(b); i < e; i++) {
            s += KMeansPlusPlus.dist2(x, i * d, centres, labels[i] * d, d);
          }
          blockInertia[b] = s;
        });
    return KMeansPlusPlus.sum(blockInertia);
  }

  private double[][] centroidRows() {
    double[][] c = new double[k][d];
    for (int j = 0; j < k; j++) System.arraycopy(centres, j * d, c[j], 0, d);
    return c;
  }
}
