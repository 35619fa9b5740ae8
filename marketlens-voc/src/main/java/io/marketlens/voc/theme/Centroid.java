package io.marketlens.voc.theme;

import java.util.Arrays;
import java.util.Locale;

/**
 * The unit-length centre of a theme in its language's embedding space. Immutable; equal when the
 * values are equal.
 */
public final class Centroid {

  private final double[] values;

  private Centroid(double[] values) {
    this.values = values;
  }

  /**
   * The centre along {@code values}, scaled to unit length (kept as is when all zero).
   *
   * @throws IllegalArgumentException when values is empty or holds a non-finite number
   */
  public static Centroid of(double[] values) {
    if (values.length == 0) throw new IllegalArgumentException("a centroid needs a dimension");
    double s = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("centroid values must be finite, found " + v);
      }
      s += v * v;
    }
    double norm = Math.sqrt(s);
    double[] out = values.clone();
    if (norm > 0) for (int d = 0; d < out.length; d++) out[d] /= norm;
    return new Centroid(out);
  }

  /** The number of dimensions (384 for English, 512 for Chinese). */
  public int dimension() {
    return values.length;
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  /**
   * The cosine between this centre and {@code vector}, in [-1, 1] (0 for a zero vector).
   *
   * @throws IllegalArgumentException when the dimensions differ (another language's model)
   */
  public double cosine(float[] vector) {
    requireDimension(vector.length);
    double dot = 0;
    double n = 0;
    for (int d = 0; d < values.length; d++) {
      dot += values[d] * vector[d];
      n += (double) vector[d] * vector[d];
    }
    return n == 0 ? 0 : clamp(dot / Math.sqrt(n));
  }

  /**
   * The cosine between two centres, in [-1, 1].
   *
   * @throws IllegalArgumentException when the dimensions differ (another language's model)
   */
  public double cosine(Centroid other) {
    requireDimension(other.values.length);
    double dot = 0;
    for (int d = 0; d < values.length; d++) dot += values[d] * other.values[d];
    return clamp(dot);
  }

  private void requireDimension(int other) {
    if (other != values.length) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "cannot compare a %d-d centroid with a %d-d vector: they come from different"
                  + " models (languages)",
              values.length,
              other));
    }
  }

  private static double clamp(double c) {
    return Math.max(-1, Math.min(1, c));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Centroid c && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "Centroid[" + values.length + "-d]";
  }
}
