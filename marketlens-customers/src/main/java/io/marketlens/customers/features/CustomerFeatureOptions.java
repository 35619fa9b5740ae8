package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import java.util.Map;
import java.util.Set;

/**
 * How a customers table becomes features.
 *
 * @param label the yes/no outcome column (e.g. "Churn"), or null; it describes segments and is
 *     never a feature
 * @param exclude columns not to use
 * @param units the unit of a numeric column, for sentences ("tenure" → "months")
 * @param maxLevels categorical columns keep their most common levels up to this many, the rest
 *     become "other" (default {@value #DEFAULT_MAX_LEVELS})
 */
public record CustomerFeatureOptions(
    String label, Set<String> exclude, Map<String, String> units, int maxLevels) {

  public static final int DEFAULT_MAX_LEVELS = 10;

  public CustomerFeatureOptions {
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    units = units == null ? Map.of() : Map.copyOf(units);
    Checks.requireArgument(maxLevels >= 2, "maxLevels must be at least 2, found %d", maxLevels);
  }

  /** No label, nothing excluded, no units, 10 levels. */
  public static CustomerFeatureOptions defaults() {
    return new CustomerFeatureOptions(null, Set.of(), Map.of(), DEFAULT_MAX_LEVELS);
  }

  public CustomerFeatureOptions withLabel(String newLabel) {
    return new CustomerFeatureOptions(newLabel, exclude, units, maxLevels);
  }

  public CustomerFeatureOptions withExclude(Set<String> newExclude) {
    return new CustomerFeatureOptions(label, newExclude, units, maxLevels);
  }

  public CustomerFeatureOptions withUnits(Map<String, String> newUnits) {
    return new CustomerFeatureOptions(label, exclude, newUnits, maxLevels);
  }
}
