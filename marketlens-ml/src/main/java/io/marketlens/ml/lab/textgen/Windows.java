package io.marketlens.ml.lab.textgen;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.marketlens.ml.lab.Examples;
import io.marketlens.ml.lab.Lab;
import java.util.Random;

/**
 * Windows of {@code seq} tokens over a token array: example {@code i} is the input {@code tokens[s,
 * s + seq)} and the target {@code tokens[s + 1, s + seq + 1)}, where {@code s} is either {@code i}
 * itself (every window start, for training: the trainer draws random starts as nanoGPT's {@code
 * get_batch} does) or the {@code i}-th of a fixed list of starts (a seeded validation sample).
 */
final class Windows implements Examples {

  private final int[] tokens;
  private final int seq;
  private final int[] starts;

  private Windows(int[] tokens, int seq, int[] starts) {
    if (tokens.length < seq + 1) {
      throw new IllegalArgumentException("fewer than seq + 1 tokens");
    }
    this.tokens = tokens;
    this.seq = seq;
    this.starts = starts;
  }

  /** Every window start {@code 0 .. tokens.length - seq - 1}. */
  static Windows all(int[] tokens, int seq) {
    return new Windows(tokens, seq, null);
  }

  /**
   * {@code count} window starts drawn uniformly with replacement from a generator seeded by {@code
   * seed}: the same windows for any run with that seed.
   */
  static Windows sample(int[] tokens, int seq, int count, long seed) {
    Random rnd = new Random(Lab.mix(seed, 7_001L));
    int[] starts = new int[count];
    int range = tokens.length - seq;
    for (int i = 0; i < count; i++) starts[i] = rnd.nextInt(range);
    return new Windows(tokens, seq, starts);
  }

  @Override
  public int size() {
    return starts == null ? tokens.length - seq : starts.length;
  }

  int seq() {
    return seq;
  }

  @Override
  public Batch batch(NDManager manager, int[] indices) {
    long[] x = new long[indices.length * seq];
    long[] y = new long[indices.length * seq];
    for (int b = 0; b < indices.length; b++) {
      int s = starts == null ? indices[b] : starts[indices[b]];
      int o = b * seq;
      for (int t = 0; t < seq; t++) {
        x[o + t] = tokens[s + t];
        y[o + t] = tokens[s + t + 1];
      }
    }
    Shape shape = new Shape(indices.length, seq);
    return new Batch(new NDList(manager.create(x, shape)), manager.create(y, shape));
  }
}
