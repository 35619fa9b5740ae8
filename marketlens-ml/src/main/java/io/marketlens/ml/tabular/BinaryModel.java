package io.marketlens.ml.tabular;

/**
 * A trained binary classifier. Thread-safe: models are immutable once trained (a native engine, if
 * any, is released when the model becomes unreachable).
 */
public interface BinaryModel {

  /** The classifier's name, as {@link BinaryClassifier#name()}. */
  String name();

  /** The chosen hyper-parameters in words, e.g. {@code "L2 lambda 1.0"}. */
  String description();

  /** The number of features the model expects. */
  int featureCount();

  /**
   * The probability of label 1 for each row of {@code rows} (each of {@link #featureCount()}
   * values). Not calibrated unless the model says so.
   */
  double[] predictProbability(double[][] rows);
}
