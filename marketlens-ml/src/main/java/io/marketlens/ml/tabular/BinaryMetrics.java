package io.marketlens.ml.tabular;

/**
 * How well probabilities rank and fit 0/1 labels, from {@link Metrics#binary}.
 *
 * @param rows the number of rows scored
 * @param positives the rows labelled 1
 * @param rocAuc area under the ROC curve; tied scores count one half (NaN with one class)
 * @param prAuc area under the precision-recall curve as average precision (NaN without positives)
 * @param logLoss mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]
 * @param brier mean squared difference between probability and label
 * @param ece expected calibration error over 10 equal-width bins
 * @param atHalf counts and rates at threshold 0.5
 * @param atBestF1 counts and rates at the threshold that maximises F1 on these rows
 */
public record BinaryMetrics(
    int rows,
    int positives,
    double rocAuc,
    double prAuc,
    double logLoss,
    double brier,
    double ece,
    ThresholdMetrics atHalf,
    ThresholdMetrics atBestF1) {}
