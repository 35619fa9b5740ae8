package io.marketlens.customers.features;

import io.marketlens.core.validate.Checks;
import java.util.Objects;

/**
 * How a group of customers differs from everyone on one feature.
 *
 * @param feature the feature's name
 * @param role what it measures
 * @param kind how its values read
 * @param groupValue the group's typical value: the median for numbers, the share (0..1) for flags
 *     and levels
 * @param overallValue the same over all customers
 * @param standardisedDifference the group's mean minus the rest's mean, over the standard deviation
 *     of all customers (on the {@code log1p} scale for skewed features); 0 when the feature does
 *     not vary
 * @param text the difference in plain words, e.g. "tenure 4 months vs 32 overall"
 * @param trait the direction in two or three words, e.g. "low tenure", "recent", "Contract
 *     Month-to-month"
 */
public record FeatureContrast(
    String feature,
    FeatureRole role,
    FeatureKind kind,
    double groupValue,
    double overallValue,
    double standardisedDifference,
    String text,
    String trait) {

  public FeatureContrast {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(trait, "trait");
    Checks.requireArgument(
        Double.isFinite(groupValue)
            && Double.isFinite(overallValue)
            && Double.isFinite(standardisedDifference),
        "contrast of '%s' must be finite, found %s, %s, %s",
        feature,
        groupValue,
        overallValue,
        standardisedDifference);
  }
}
