package io.marketlens.customers.churn;

import io.marketlens.ml.tabular.BinaryMetrics;

/**
 * One trained candidate and how it did.
 *
 * @param name the classifier, e.g. {@code logistic-regression}
 * @param description the hyper-parameters chosen on validation, in words
 * @param validationAuc ROC-AUC on the validation split (what the choice is made on); NaN if failed
 * @param test every metric of its raw (uncalibrated) probabilities on the untouched test split, or
 *     null if it failed
 * @param failure why it could not be trained (e.g. a native library missing), or null
 */
public record CandidateResult(
    String name, String description, double validationAuc, BinaryMetrics test, String failure) {

  public boolean failed() {
    return failure != null;
  }
}
