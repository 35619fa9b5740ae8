package io.marketlens.ml.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * How far two labelings of the same items agree: the adjusted Rand index (Hubert and Arabie 1985)
 * and normalised mutual information. Label values are names only: renaming the clusters of either
 * labeling changes nothing.
 */
public final class Agreement {

  private Agreement() {}

  /**
   * The adjusted Rand index: 1 for identical partitions, about 0 for independent ones, negative
   * when they agree less than chance would. 1 when both put everything in one cluster.
   *
   * @throws IllegalArgumentException when the labelings differ in length
   */
  public static double adjustedRand(int[] a, int[] b) {
    Table t = new Table(a, b);
    double index = 0;
    for (int v : t.cells.values()) index += pairs(v);
    double sumA = 0;
    for (int v : t.rows.values()) sumA += pairs(v);
    double sumB = 0;
    for (int v : t.cols.values()) sumB += pairs(v);
    double expected = t.n < 2 ? 0 : sumA * sumB / pairs(t.n);
    double max = (sumA + sumB) / 2;
    if (max == expected) return 1.0;
    return (index - expected) / (max - expected);
  }

  /**
   * Normalised mutual information I(A; B) / ((H(A) + H(B)) / 2), in [0, 1]: the arithmetic-mean
   * normalisation, scikit-learn's default. 1 when both labelings are one cluster each (nothing to
   * disagree on), 0 when only one of them is.
   *
   * @throws IllegalArgumentException when the labelings differ in length
   */
  public static double normalizedMutualInformation(int[] a, int[] b) {
    Table t = new Table(a, b);
    if (t.rows.size() == 1 && t.cols.size() == 1) return 1.0;
    if (t.rows.size() == 1 || t.cols.size() == 1 || t.n == 0) return 0.0;
    double n = t.n;
    double ha = entropy(t.rows, n);
    double hb = entropy(t.cols, n);
    double mi = 0;
    for (Map.Entry<Long, Integer> e : t.cells.entrySet()) {
      int x = (int) (e.getKey() >> 32);
      int y = (int) (long) e.getKey();
      double pxy = e.getValue() / n;
      double px = t.rows.get(x) / n;
      double py = t.cols.get(y) / n;
      mi += pxy * Math.log(pxy / (px * py));
    }
    double mean = (ha + hb) / 2;
    return Math.max(0, Math.min(1, mi / mean));
  }

  private static double entropy(Map<Integer, Integer> counts, double n) {
    double h = 0;
    for (int c : counts.values()) {
      double p = c / n;
      h -= p * Math.log(p);
    }
    return h;
  }

  private static double pairs(long v) {
    return v * (v - 1) / 2.0;
  }

  /** The contingency table of two labelings and its margins. */
  private static final class Table {
    final int n;
    final Map<Long, Integer> cells = new HashMap<>();
    final Map<Integer, Integer> rows = new HashMap<>();
    final Map<Integer, Integer> cols = new HashMap<>();

    Table(int[] a, int[] b) {
      if (a.length != b.length) throw new IllegalArgumentException("labelings differ in length");
      n = a.length;
      for (int i = 0; i < n; i++) {
        cells.merge(((long) a[i] << 32) | (b[i] & 0xffffffffL), 1, Integer::sum);
        rows.merge(a[i], 1, Integer::sum);
        cols.merge(b[i], 1, Integer::sum);
      }
    }
  }
}
