package io.marketlens.ml.tabular;

/** A monotone map from a model's probability to a calibrated probability. Immutable. */
public interface Calibrator {

  /** {@code platt}, {@code isotonic} or {@code none}. */
  String method();

  /** The calibrated probability of {@code probability}. */
  double calibrate(double probability);

  /** {@link #calibrate} for every element. */
  default double[] calibrateAll(double[] probabilities) {
    double[] out = new double[probabilities.length];
    for (int i = 0; i < out.length; i++) out[i] = calibrate(probabilities[i]);
    return out;
  }
}
