package io.marketlens.ml.tabular;

/**
 * The permutation importance of one original column (all its features permuted together).
 *
 * @param group the original column
 * @param meanDrop the mean fall in ROC-AUC when the column is shuffled (negative: shuffling helped)
 * @param sdDrop the standard deviation of the fall over the repeats
 */
public record FeatureImportance(String group, double meanDrop, double sdDrop) {}
