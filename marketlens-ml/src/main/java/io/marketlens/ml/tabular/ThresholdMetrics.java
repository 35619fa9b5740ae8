package io.marketlens.ml.tabular;

/**
 * Counts and rates at one decision threshold: a row is predicted positive when its probability is
 * at least {@code threshold}. Precision is 0 when nothing is predicted positive; recall is 0 when
 * there are no positives.
 *
 * @param threshold the decision threshold
 * @param truePositives positives predicted positive
 * @param falsePositives negatives predicted positive
 * @param trueNegatives negatives predicted negative
 * @param falseNegatives positives predicted negative
 * @param accuracy (TP + TN) / rows
 * @param precision TP / (TP + FP)
 * @param recall TP / (TP + FN)
 * @param f1 the harmonic mean of precision and recall
 */
public record ThresholdMetrics(
    double threshold,
    long truePositives,
    long falsePositives,
    long trueNegatives,
    long falseNegatives,
    double accuracy,
    double precision,
    double recall,
    double f1) {

  static ThresholdMetrics of(double threshold, long tp, long fp, long tn, long fn) {
    long rows = tp + fp + tn + fn;
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    double accuracy = rows == 0 ? Double.NaN : (double) (tp + tn) / rows;
    return new ThresholdMetrics(threshold, tp, fp, tn, fn, accuracy, precision, recall, f1);
  }
}
