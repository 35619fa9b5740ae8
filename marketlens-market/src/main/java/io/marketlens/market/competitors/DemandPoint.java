package io.marketlens.market.competitors;

import io.marketlens.core.validate.InvalidInputException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A place on the map where there is demand, with its weight: a customer segment's ideal product (as
 * feature values), an existing product that buyers talk about (review evidence, placed where that
 * product is), or a point given directly in map coordinates.
 *
 * <p>Exactly one of {@code features}, the coordinates and {@code product} is given. Feature values
 * are keyed by column name; numbers, unit strings ("8GB") and category labels are accepted; a
 * feature left out takes the products' median (numbers) or most common value (categories).
 *
 * @param label what the demand is, for the explanations ("segment 2: young families")
 * @param weight the amount of demand (a segment's size or revenue, a product's review count),
 *     positive
 * @param features the wanted feature values by column name, or null
 * @param x the first map coordinate, or null
 * @param y the second map coordinate, or null
 * @param product the name of a product in the table whose place carries the demand, or null
 */
public record DemandPoint(
    String label, double weight, Map<String, Object> features, Double x, Double y, String product) {

  /**
   * @throws InvalidInputException when the weight is not positive and finite, or when not exactly
   *     one of features, coordinates and product is given
   */
  public DemandPoint {
    Objects.requireNonNull(label, "label");
    if (!(weight > 0) || !Double.isFinite(weight)) {
      throw InvalidInputException.usage(
          "a positive demand weight for '" + label + "'", String.valueOf(weight));
    }
    boolean hasCoordinates = x != null && y != null;
    int given = (features != null ? 1 : 0) + (hasCoordinates ? 1 : 0) + (product != null ? 1 : 0);
    if (given != 1 || (x == null) != (y == null)) {
      throw InvalidInputException.usage(
          "exactly one of feature values, both map coordinates or a product for demand point '"
              + label
              + "'",
          given == 0 ? "none" : given + " of them");
    }
    if (hasCoordinates && !(Double.isFinite(x) && Double.isFinite(y))) {
      throw InvalidInputException.usage(
          "finite map coordinates for demand point '" + label + "'", x + ", " + y);
    }
    features = features == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(features));
  }

  /** Demand for a product with these feature values. */
  public static DemandPoint atFeatures(String label, double weight, Map<String, Object> features) {
    return new DemandPoint(
        label, weight, Objects.requireNonNull(features, "features"), null, null, null);
  }

  /** Demand at a point of the map. */
  public static DemandPoint atMap(String label, double weight, double x, double y) {
    return new DemandPoint(label, weight, null, x, y, null);
  }

  /** Demand where an existing product sits, e.g. weighted by its reviews. */
  public static DemandPoint atProduct(String label, double weight, String product) {
    return new DemandPoint(
        label, weight, null, null, null, Objects.requireNonNull(product, "product"));
  }
}
