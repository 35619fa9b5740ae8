package io.marketlens.ml.lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * A training objective: the mean loss of a batch as a scalar array the gradient flows from. The
 * factories here are the ones the lab's models use; all are numerically stable (they work on
 * logits, not probabilities).
 */
@FunctionalInterface
public interface LossFunction {

  /** The mean loss of the batch; {@code predictions.head()} holds the logits. */
  NDArray compute(NDList predictions, NDArray labels);

  /**
   * Binary cross-entropy on logits of shape (N) or (N, 1) against 0/1 labels, PyTorch's {@code
   * BCEWithLogitsLoss}: {@code softplus(x) - x y}, which equals {@code max(x, 0) - x y + log(1 +
   * exp(-|x|))}; PyTorch's softplus is stable (log1p, and linear above 20), and two graph nodes
   * instead of seven halve the loss's share of a small model's step. With {@code positiveWeight !=
   * 1} positive examples count that many times (class weighting).
   */
  static LossFunction binaryCrossEntropy(double positiveWeight) {
    return (predictions, labels) -> {
      NDArray x = predictions.head();
      NDArray y = labels;
      if (!x.getShape().equals(y.getShape())) {
        x = x.reshape(-1);
        y = y.reshape(-1);
      }
      if (y.getDataType() != x.getDataType()) y = y.toType(x.getDataType(), false);
      NDArray loss = x.getNDArrayInternal().softPlus().sub(x.mul(y));
      if (positiveWeight != 1.0) {
        NDArray w = y.mul(positiveWeight - 1.0).add(1.0);
        return loss.mul(w).sum().div(w.sum());
      }
      return loss.mean();
    };
  }

  /**
   * Softmax cross-entropy on logits of shape (..., C) against integer class labels of shape (...);
   * {@code classWeights} (length C, or null) weights each example by its class, normalised by the
   * weights' sum as PyTorch's {@code CrossEntropyLoss(weight=...)} does.
   */
  static LossFunction softmaxCrossEntropy(float[] classWeights) {
    return (predictions, labels) -> {
      NDArray logits = predictions.head();
      long classes = logits.getShape().get(logits.getShape().dimension() - 1);
      NDArray flat = logits.reshape(-1, classes);
      NDArray y = labels.reshape(-1).toType(DataType.INT64, false);
      NDArray logp = flat.logSoftmax(1);
      NDArray picked = logp.gather(y.reshape(-1, 1), 1).reshape(-1).neg();
      if (classWeights != null) {
        NDArray w = logits.getManager().create(classWeights).get(y);
        return picked.mul(w).sum().div(w.sum());
      }
      return picked.mean();
    };
  }
}
