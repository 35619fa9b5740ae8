package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import java.util.Locale;
import java.util.Objects;

/**
 * One feature: a finite value per customer, in the row order of its {@link FeatureTable}, with what
 * it means.
 *
 * <p>The values array is owned by the feature from construction on and is not copied; never modify
 * it. Equality is by reference to the array.
 *
 * @param name the feature's name, unique in its table ("recency", "Contract=Month-to-month")
 * @param description how to say it in a sentence ("days since last purchase", "tenure")
 * @param unit the unit after a value ("days", "months"), or "" when none
 * @param role what it measures
 * @param kind how its values read
 * @param skewed whether it is taken as {@code log1p} before standardising (non-negative, long right
 *     tail: counts and money)
 * @param source the input column it came from, or null when derived from transactions
 * @param level the categorical level for {@link FeatureKind#LEVEL}, else null
 * @param values one finite value per customer (0/1 for BINARY and LEVEL)
 */
public record Feature(
    String name,
    String description,
    String unit,
    FeatureRole role,
    FeatureKind kind,
    boolean skewed,
    String source,
    String level,
    double[] values) {

  public Feature {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(values, "values");
    description = description == null ? name : description;
    unit = unit == null ? "" : unit;
    Checks.requireArgument(!name.isBlank(), "feature name must not be blank");
    Checks.requireArgument(
        kind != FeatureKind.LEVEL || level != null, "level feature '%s' needs its level", name);
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (!Double.isFinite(v) || (skewed && v < 0)) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "feature '%s', customer %d: expected a finite%s value, found %s",
                name,
                i,
                skewed ? " non-negative" : "",
                v));
      }
    }
  }

  /** A numeric feature derived from transactions. */
  static Feature derived(
      String name,
      String description,
      String unit,
      FeatureRole role,
      boolean skewed,
      double[] values) {
    return new Feature(
        name, description, unit, role, FeatureKind.NUMERIC, skewed, null, null, values);
  }

  /** The number of customers. */
  public int size() {
    return values.length;
  }

  /** The value for customer row {@code row}. */
  public double value(int row) {
    return values[row];
  }

  /** The value as used for distances: {@code log1p} when skewed. */
  public double transformed(int row) {
    return skewed ? Math.log1p(values[row]) : values[row];
  }
}
