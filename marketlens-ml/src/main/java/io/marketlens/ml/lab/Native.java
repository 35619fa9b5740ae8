package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The few PyTorch calls the training loop makes below DJL's engine-neutral API, where that API
 * costs a small model's step several native calls more than the operation itself: DJL's {@code
 * GradientCollector.backward} creates, moves and inspects a fresh array of ones every step, and
 * {@code NDArray.get(NDIndex)} parses an index to take a slice. The lab trains on PyTorch only
 * ({@link Lab#ENGINE}), so the arrays here are always PyTorch's.
 */
public final class Native {

  private Native() {}

  /**
   * Back-propagates from the scalar {@code loss} with {@code ones} (a scalar 1 of the loss's type
   * and device) as its gradient, freeing the graph: what {@code GradientCollector.backward} does,
   * without the per-call array of ones. Call inside an open gradient collector.
   */
  public static void backward(NDArray loss, NDArray ones) {
    JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
  }

  /**
   * {@code x × factor}, the factor a scalar array in native memory. Use it instead of {@code
   * x.mul(number)} wherever {@code x} may be in an autograd graph: DJL's {@code mul(Number)} wraps
   * the number in an array whose memory is a Java buffer and closes that array at once, but the
   * graph keeps the array for the backward pass and so reads memory the JVM frees at its next
   * garbage collection. Transformer training gave different weights from run to run because of it
   * (and the same weights every time with no garbage collection). The result equals {@code
   * x.mul(factor)} bit for bit: both multiply by {@code factor} rounded to {@code x}'s type.
   */
  public static NDArray scale(NDArray x, double factor) {
    try (NDArray f = x.getManager().full(new Shape(), (float) factor, x.getDataType())) {
      return x.mul(f);
    }
  }

  /** Rows {@code [from, to)} of {@code array} as a view (no copy), owned by {@code manager}. */
  public static NDArray rows(NDArray array, long from, long to, NDManager manager) {
    NDArray view = JniUtils.slice((PtNDArray) array, 0, from, to, 1);
    view.attach(manager);
    return view;
  }
}
