package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A set of training or evaluation examples the {@link Trainer} draws mini-batches from. The data
 * stay in Java arrays; only the batch being used is copied into native memory.
 */
public interface Examples {

  /** The number of examples. */
  int size();

  /**
   * The examples at {@code indices}, as arrays on {@code manager} (the trainer closes the manager
   * after the step).
   */
  Batch batch(NDManager manager, int[] indices);

  /**
   * One mini-batch.
   *
   * @param inputs what the block's forward pass takes
   * @param labels what the loss compares the output with
   */
  record Batch(NDList inputs, NDArray labels) {}
}
