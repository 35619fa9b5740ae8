package io.marketlens.ml.cluster;

/**
 * Squared Euclidean distances from a batch of points to a few centres, written so that the JIT
 * vectorises them: the batch is first gathered column-major, then each centre's distances are
 * accumulated dimension by dimension over the whole batch. Per (point, centre) the terms are added
 * in dimension order, so the value is bit-identical to a plain sequential loop.
 *
 * <p>Not thread-safe: one instance is one worker's scratch space.
 */
final class Distances {

  /** Points per batch: small enough for the scratch arrays to stay in cache. */
  static final int BATCH = 256;

  private final int dims;
  private final double[] columns;
  final double[] out;

  Distances(int dims, int maxCentres) {
    this.dims = dims;
    this.columns = new double[dims * BATCH];
    this.out = new double[Math.max(1, maxCentres) * BATCH];
  }

  /**
   * Fills {@code out[j * BATCH + p]} with the squared distance from point {@code idx[from + p]} (or
   * {@code from + p} when {@code idx} is null) to centre {@code j}, for {@code p < m <= BATCH} and
   * {@code j < k}.
   *
   * @param x the points, row-major
   * @param centres k centres, row-major
   */
  void compute(double[] x, int[] idx, int from, int m, double[] centres, int k) {
    int d = dims;
    double[] col = columns;
    if (idx == null) {
      for (int p = 0; p < m; p++) {
        int xo = (from + p) * d;
        for (int t = 0; t < d; t++) col[t * BATCH + p] = x[xo + t];
      }
    } else {
      for (int p = 0; p < m; p++) {
        int xo = idx[from + p] * d;
        for (int t = 0; t < d; t++) col[t * BATCH + p] = x[xo + t];
      }
    }
    double[] o = out;
    for (int j = 0; j < k; j++) {
      int oo = j * BATCH;
      int co = j * d;
      java.util.Arrays.fill(o, oo, oo + m, 0.0);
      // Four dimensions per pass over the batch: a quarter of the accumulator traffic. The sum is
      // still taken in dimension order, ((o + a0) + a1) + ..., as a plain loop would.
      int t = 0;
      for (; t + 4 <= d; t += 4) {
        double c0 = centres[co + t];
        double c1 = centres[co + t + 1];
        double c2 = centres[co + t + 2];
        double c3 = centres[co + t + 3];
        int t0 = t * BATCH;
        int t1 = t0 + BATCH;
        int t2 = t1 + BATCH;
        int t3 = t2 + BATCH;
        for (int p = 0; p < m; p++) {
          double a0 = col[t0 + p] - c0;
          double a1 = col[t1 + p] - c1;
          double a2 = col[t2 + p] - c2;
          double a3 = col[t3 + p] - c3;
          o[oo + p] = o[oo + p] + a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3;
        }
      }
      for (; t < d; t++) {
        double ct = centres[co + t];
        int to = t * BATCH;
        for (int p = 0; p < m; p++) {
          double a0 = col[to + p] - ct;
          o[oo + p] = o[oo + p] + a0 * a0;
        }
      }
    }
  }
}
