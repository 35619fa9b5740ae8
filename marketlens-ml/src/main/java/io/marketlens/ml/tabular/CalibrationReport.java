package io.marketlens.ml.tabular;

/**
 * What calibration did, measured on rows it was not fitted on.
 *
 * @param method the chosen method: {@code platt}, {@code isotonic} or {@code none}
 * @param plattCrossValidatedEce the out-of-fold ECE of Platt scaling on the calibration rows
 * @param isotonicCrossValidatedEce the out-of-fold ECE of isotonic regression there
 * @param eceBefore ECE (10 bins) of the raw probabilities on the evaluation rows
 * @param eceAfter ECE of the calibrated probabilities there
 * @param brierBefore Brier score of the raw probabilities there
 * @param brierAfter Brier score of the calibrated probabilities there
 */
public record CalibrationReport(
    String method,
    double plattCrossValidatedEce,
    double isotonicCrossValidatedEce,
    double eceBefore,
    double eceAfter,
    double brierBefore,
    double brierAfter) {}
