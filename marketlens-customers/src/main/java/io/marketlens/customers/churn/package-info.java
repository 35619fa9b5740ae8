/**
 * Churn prediction with its drivers: candidates trained and chosen on a validation split,
 * calibrated probabilities, permutation importance, per-customer reasons. Entry point: {@link
 * io.marketlens.customers.churn.ChurnAnalysis}.
 */
package io.marketlens.customers.churn;
