package io.marketlens.customers.features;

import java.util.Objects;

/**
 * Features and the report of the cleaning that produced them.
 *
 * @param table one row per customer
 * @param cleaning what was dropped, imputed or skipped, in counts
 */
public record FeatureResult(FeatureTable table, CleaningReport cleaning) {

  public FeatureResult {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(cleaning, "cleaning");
  }
}
