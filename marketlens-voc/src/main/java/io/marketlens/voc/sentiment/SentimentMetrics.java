package io.marketlens.voc.sentiment;

import io.marketlens.ml.tabular.BinaryMetrics;

/**
 * Held-out metrics of a sentiment head (positive is the positive class; threshold 0.5).
 *
 * @param rows test rows
 * @param positives positive test rows
 * @param accuracy share of test rows classified correctly
 * @param precision of the positive class
 * @param recall of the positive class
 * @param f1 of the positive class
 * @param auc ROC AUC of the probability positive
 * @param logLoss mean negative log-likelihood
 */
public record SentimentMetrics(
    int rows,
    int positives,
    double accuracy,
    double precision,
    double recall,
    double f1,
    double auc,
    double logLoss) {

  static SentimentMetrics of(BinaryMetrics m) {
    return new SentimentMetrics(
        m.rows(),
        m.positives(),
        m.atHalf().accuracy(),
        m.atHalf().precision(),
        m.atHalf().recall(),
        m.atHalf().f1(),
        m.rocAuc(),
        m.logLoss());
  }
}
