package io.marketlens.ml.lab.tabular;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import io.marketlens.ml.lab.LossFunction;
import java.util.Locale;

/**
 * What the last layer of a {@link TabularMlp} predicts, and so its loss and how its raw outputs
 * become predictions.
 */
public enum MlpHead {
  /** One logit; sigmoid at prediction; binary cross-entropy on logits. */
  BINARY,
  /** One logit per class; softmax at prediction; softmax cross-entropy. */
  MULTICLASS,
  /** One value (of the standardised target); mean squared error. */
  REGRESSION;

  /** The lower-case name used in metadata and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The number of network outputs for {@code classes} classes (ignored by regression). */
  public int outputs(int classes) {
    return this == MULTICLASS ? classes : 1;
  }

  /**
   * The training loss. For {@link #BINARY} the weight of the positive class is {@code weights[1] /
   * weights[0]}; for {@link #MULTICLASS} {@code weights} are per class; null means unweighted.
   */
  LossFunction loss(float[] weights) {
    switch (this) {
      case BINARY:
        return binaryCrossEntropy(weights == null ? 1.0 : (double) weights[1] / weights[0]);
      case MULTICLASS:
        return LossFunction.softmaxCrossEntropy(weights);
      case REGRESSION:
        return (predictions, labels) -> {
          NDArray x = predictions.head();
          return x.sub(sameShape(labels, x)).square().mean();
        };
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Binary cross-entropy on logits as {@code softplus(x) - x y}, which is PyTorch's {@code
   * BCEWithLogitsLoss} written with four operations instead of ten ({@link
   * LossFunction#binaryCrossEntropy} gives the same values), on logits and labels of the same shape
   * (N, 1) so that no reshape enters the graph: fewer native calls per step matter for a small
   * network trained with batches of 32.
   */
  static LossFunction binaryCrossEntropy(double positiveWeight) {
    return (predictions, labels) -> {
      NDArray x = predictions.head();
      NDArray y = sameShape(labels, x);
      NDArray loss = Activation.softPlus(x).sub(x.mul(y));
      if (positiveWeight != 1.0) {
        NDArray w = y.mul(positiveWeight - 1.0).add(1.0);
        return loss.mul(w).sum().div(w.sum());
      }
      return loss.mean();
    };
  }

  /** {@code labels} as {@code like}'s shape: as they are when they match already. */
  private static NDArray sameShape(NDArray labels, NDArray like) {
    return labels.getShape().equals(like.getShape()) ? labels : labels.reshape(like.getShape());
  }

  /** Raw network outputs to predictions: probabilities, or the (standardised) value. */
  NDArray activate(NDArray raw) {
    switch (this) {
      case BINARY:
        return Activation.sigmoid(raw);
      case MULTICLASS:
        return raw.softmax(1);
      default:
        return raw;
    }
  }
}
