package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * A set of training or evaluation examples the {@link Trainer} draws mini-batches from. The data
 * stay in Java arrays; only the batch being used (or, see {@link #epoch}, the epoch) is copied into
 * native memory.
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
   * The batches of one epoch, drawn in {@code plan} order: {@code source.batch(m, s)} gives the
   * examples at {@code plan[s]} on {@code m}. By default each batch is copied when it is drawn; an
   * implementation may instead stage the whole epoch on {@code epochManager} at once (closed when
   * the epoch ends) and hand out views of it, which for a small model saves a native copy and
   * allocation per step.
   */
  default EpochSource epoch(NDManager epochManager, int[][] plan) {
    return (manager, step) -> batch(manager, plan[step]);
  }

  /** Where one epoch's batches come from (see {@link #epoch}). */
  @FunctionalInterface
  interface EpochSource {
    /** The batch of step {@code step} of the plan, its arrays on {@code manager}. */
    Batch batch(NDManager manager, int step);
  }

  /**
   * One mini-batch.
   *
   * @param inputs what the block's forward pass takes
   * @param labels what the loss compares the output with
   */
  record Batch(NDList inputs, NDArray labels) {}
}
