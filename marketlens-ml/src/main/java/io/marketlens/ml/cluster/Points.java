package io.marketlens.ml.cluster;

import io.marketlens.core.validate.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * Numeric points stored row-major in one array: point {@code i}, dimension {@code j} is {@code
 * values[i * dims + j]}.
 *
 * <p>The array is owned by this record from construction on and is not copied (points can be
 * large); callers must not modify it afterwards. Equality is by reference to the array.
 *
 * @param values the coordinates, row-major; its length is a multiple of {@code dims}
 * @param dims the number of dimensions, at least 1
 */
public record Points(double[] values, int dims) {

  public Points {
    Objects.requireNonNull(values, "values");
    Checks.requireArgument(dims >= 1, "dims must be at least 1, found %d", dims);
    Checks.requireArgument(
        values.length % dims == 0,
        "values length %d is not a multiple of dims %d",
        values.length,
        dims);
  }

  /** Points from rows of equal length (copied). */
  public static Points of(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    Checks.requireArgument(rows.length > 0, "expected at least one point, found none");
    int d = rows[0].length;
    double[] v = new double[rows.length * d];
    for (int i = 0; i < rows.length; i++) {
      Checks.requireArgument(
          rows[i].length == d, "row %d has %d dimensions, row 0 has %d", i, rows[i].length, d);
      System.arraycopy(rows[i], 0, v, i * d, d);
    }
    return new Points(v, d);
  }

  /** The number of points. */
  public int size() {
    return values.length / dims;
  }

  public double get(int point, int dim) {
    return values[point * dims + dim];
  }

  /** A copy of one point's coordinates. */
  public double[] row(int point) {
    double[] r = new double[dims];
    System.arraycopy(values, point * dims, r, 0, dims);
    return r;
  }

  /**
   * Checks that every coordinate is finite.
   *
   * @throws IllegalArgumentException naming the first point and dimension that is not
   */
  public void requireFinite() {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "point %d, dimension %d: expected a finite number, found %s",
                i / dims,
                i % dims,
                values[i]));
      }
    }
  }

  /** The number of distinct points, counting at most {@code limit} (for cheap early exits). */
  public int distinct(int limit) {
    java.util.Set<Key> seen = new java.util.HashSet<>();
    int n = size();
    for (int i = 0; i < n && seen.size() < limit; i++) seen.add(new Key(values, i * dims, dims));
    return seen.size();
  }

  /** One row, hashed and compared by value without copying. */
  private static final class Key {
    private final double[] v;
    private final int off;
    private final int len;
    private final int hash;

    Key(double[] v, int off, int len) {
      this.v = v;
      this.off = off;
      this.len = len;
      int h = 1;
      for (int j = 0; j < len; j++) {
        long bits = Double.doubleToLongBits(v[off + j] == 0.0 ? 0.0 : v[off + j]);
        h = 31 * h + (int) (bits ^ (bits >>> 32));
      }
      this.hash = h;
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Key k) || k.hash != hash) return false;
      for (int j = 0; j < len; j++) if (v[off + j] != k.v[k.off + j]) return false;
      return true;
    }
  }
}
