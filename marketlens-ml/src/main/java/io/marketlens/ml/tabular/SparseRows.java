package io.marketlens.ml.tabular;

import java.util.List;
import java.util.Objects;

/**
 * Feature rows made of a dense block followed by a sparse block, as text features come: a sentence
 * embedding (every value present) next to TF-IDF n-gram weights (a few hundred of hundreds of
 * thousands present). Column {@code j < denseColumns} is {@code dense.get(i)[j]}; column {@code
 * denseColumns + k} is the value stored for sparse index {@code k}, zero when absent. Either block
 * may be empty. The arrays are shared, not copied: treat them as read-only.
 *
 * @param denseColumns the width of the dense block (0 for none)
 * @param sparseColumns the width of the sparse block (0 for none)
 * @param dense one array of {@code denseColumns} values per row, or null when denseColumns is 0
 * @param indices per row, the sparse indices present, strictly increasing, each in [0,
 *     sparseColumns); null when sparseColumns is 0
 * @param values per row, the values at those indices; null when sparseColumns is 0
 */
public record SparseRows(
    int denseColumns,
    int sparseColumns,
    List<float[]> dense,
    List<int[]> indices,
    List<float[]> values) {

  public SparseRows {
    if (denseColumns < 0 || sparseColumns < 0) {
      throw new IllegalArgumentException("column counts must be >= 0");
    }
    if (denseColumns > 0) Objects.requireNonNull(dense, "dense");
    if (sparseColumns > 0) {
      Objects.requireNonNull(indices, "indices");
      Objects.requireNonNull(values, "values");
    }
    int n = rowsOf(dense, indices);
    if (denseColumns > 0) {
      for (int i = 0; i < n; i++) {
        if (dense.get(i).length != denseColumns) {
          throw new IllegalArgumentException(
              "row " + i + " has " + dense.get(i).length + " dense values, not " + denseColumns);
        }
      }
    }
    if (sparseColumns > 0) {
      if (indices.size() != n || values.size() != n) {
        throw new IllegalArgumentException("dense, indices and values differ in rows");
      }
      for (int i = 0; i < n; i++) {
        int[] idx = indices.get(i);
        if (idx.length != values.get(i).length) {
          throw new IllegalArgumentException("row " + i + ": indices and values differ in length");
        }
        for (int k = 0; k < idx.length; k++) {
          if (idx[k] < 0 || idx[k] >= sparseColumns || (k > 0 && idx[k] <= idx[k - 1])) {
            throw new IllegalArgumentException(
                "row " + i + ": sparse indices must increase within [0, " + sparseColumns + ")");
          }
        }
      }
    }
  }

  private static int rowsOf(List<float[]> dense, List<int[]> indices) {
    if (dense != null) return dense.size();
    return indices == null ? 0 : indices.size();
  }

  /** Dense rows only. */
  public static SparseRows dense(List<float[]> rows, int columns) {
    return new SparseRows(columns, 0, rows, null, null);
  }

  /** The number of rows. */
  public int rows() {
    return rowsOf(denseColumns > 0 ? dense : null, sparseColumns > 0 ? indices : null);
  }

  /** All columns: dense then sparse. */
  public int columns() {
    return denseColumns + sparseColumns;
  }

  /** The rows at {@code at}, in that order (arrays shared). */
  public SparseRows subset(int[] at) {
    List<float[]> d = denseColumns > 0 ? pick(dense, at) : null;
    List<int[]> ix = sparseColumns > 0 ? pick(indices, at) : null;
    List<float[]> v = sparseColumns > 0 ? pick(values, at) : null;
    return new SparseRows(denseColumns, sparseColumns, d, ix, v);
  }

  private static <T> List<T> pick(List<T> list, int[] at) {
    java.util.ArrayList<T> out = new java.util.ArrayList<>(at.length);
    for (int i : at) out.add(list.get(i));
    return out;
  }

  /** {@code weights[0] + weights[1..] · row i}: the dense block first, then the sparse one. */
  double dot(int i, double[] weights) {
    double e = weights[0];
    if (denseColumns > 0) {
      float[] x = dense.get(i);
      for (int j = 0; j < x.length; j++) e += weights[1 + j] * x[j];
    }
    if (sparseColumns > 0) {
      int[] idx = indices.get(i);
      float[] v = values.get(i);
      int base = 1 + denseColumns;
      for (int k = 0; k < idx.length; k++) e += weights[base + idx[k]] * v[k];
    }
    return e;
  }

  /** Adds {@code scale × (1, row i)} to {@code acc} (intercept first). */
  void addScaled(int i, double scale, double[] acc) {
    acc[0] += scale;
    if (denseColumns > 0) {
      float[] x = dense.get(i);
      for (int j = 0; j < x.length; j++) acc[1 + j] += scale * x[j];
    }
    if (sparseColumns > 0) {
      int[] idx = indices.get(i);
      float[] v = values.get(i);
      int base = 1 + denseColumns;
      for (int k = 0; k < idx.length; k++) acc[base + idx[k]] += scale * v[k];
    }
  }
}
