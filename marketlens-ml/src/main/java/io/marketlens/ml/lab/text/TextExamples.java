package io.marketlens.ml.lab.text;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.marketlens.ml.lab.Examples;

/**
 * Encoded texts and their classes. A batch is the token ids padded with 0 on the right, to {@code
 * maxLength} ({@code padToLongest == false}, as the reference does) or only to the batch's longest
 * text: the two give the same outputs, since padding is masked, but the second computes less.
 */
final class TextExamples implements Examples {

  private final int[][] ids;
  private final int[] labels;
  private final int maxLength;
  private final boolean padToLongest;

  TextExamples(int[][] ids, int[] labels, int maxLength, boolean padToLongest) {
    this.ids = ids;
    this.labels = labels;
    this.maxLength = maxLength;
    this.padToLongest = padToLongest;
  }

  @Override
  public int size() {
    return ids.length;
  }

  @Override
  public Batch batch(NDManager manager, int[] indices) {
    NDArray x = tokens(manager, ids, indices, padToLongest ? 0 : maxLength);
    long[] y = new long[indices.length];
    for (int i = 0; i < indices.length; i++) y[i] = labels[indices[i]];
    return new Batch(new NDList(x), manager.create(y));
  }

  /**
   * The ids of {@code rows[indices]} as a {@code (B, T)} INT64 array, T the longest row or {@code
   * length} when that is larger.
   */
  static NDArray tokens(NDManager manager, int[][] rows, int[] indices, int length) {
    int t = length;
    for (int i : indices) t = Math.max(t, rows[i].length);
    long[] flat = new long[indices.length * t];
    for (int r = 0; r < indices.length; r++) {
      int[] row = rows[indices[r]];
      for (int c = 0; c < row.length; c++) flat[r * t + c] = row[c];
    }
    return manager.create(flat, new Shape(indices.length, t));
  }
}
