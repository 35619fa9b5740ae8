package io.marketlens.voc.theme;

import java.util.HashMap;
import java.util.Map;

/** The adjusted Rand index of two clusterings (Hubert and Arabie 1985). */
final class AdjustedRand {

  private AdjustedRand() {}

  /**
   * ARI of two labelings of the same items: 1 for identical partitions (whatever the label names),
   * about 0 for independent ones. 1 when both put everything in one cluster.
   */
  static double index(int[] a, int[] b) {
    if (a.length != b.length) throw new IllegalArgumentException("labelings differ in length");
    int n = a.length;
    Map<Long, Integer> cells = new HashMap<>();
    Map<Integer, Integer> rows = new HashMap<>();
    Map<Integer, Integer> cols = new HashMap<>();
    for (int i = 0; i < n; i++) {
      cells.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
      rows.merge(a[i], 1, Integer::sum);
      cols.merge(b[i], 1, Integer::sum);
    }
    double index = 0;
    for (int v : cells.values()) index += pairs(v);
    double sumA = 0;
    for (int v : rows.values()) sumA += pairs(v);
    double sumB = 0;
    for (int v : cols.values()) sumB += pairs(v);
    double expected = n < 2 ? 0 : sumA * sumB / pairs(n);
    double max = (sumA + sumB) / 2;
    if (max == expected) return 1.0;
    return (index - expected) / (max - expected);
  }

  private static double pairs(long v) {
    return v * (v - 1) / 2.0;
  }
}
