package io.marketlens.ml.cluster;

import java.util.Random;

/** Seeded synthetic points for the clustering tests. */
final class TestData {

  private TestData() {}

  /** {@code perBlob} points around each centre, N(0, sd) noise, seeded. */
  static Points blobs(double[][] centres, int perBlob, double sd, long seed) {
    Random r = new Random(seed);
    int d = centres[0].length;
    double[] v = new double[centres.length * perBlob * d];
    int o = 0;
    for (int i = 0; i < perBlob; i++) {
      for (double[] c : centres) {
        for (int t = 0; t < d; t++) v[o++] = c[t] + sd * r.nextGaussian();
      }
    }
    return new Points(v, d);
  }

  /** n points of d standard normal coordinates, seeded. */
  static Points normal(int n, int d, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n * d];
    for (int i = 0; i < v.length; i++) v[i] = r.nextGaussian();
    return new Points(v, d);
  }
}
