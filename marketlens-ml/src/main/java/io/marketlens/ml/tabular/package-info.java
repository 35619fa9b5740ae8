/**
 * Generic learners for tables of numbers with a binary label: encoding ({@link
 * io.marketlens.ml.tabular.TabularEncoder}), classifiers ({@link
 * io.marketlens.ml.tabular.BinaryClassifier}), calibration, metrics, stratified splits and
 * explanations. Knows nothing of customers; the gradient-boosted trees engine stays behind this
 * API.
 */
package io.marketlens.ml.tabular;
