package io.marketlens.market.competitors;

import java.util.List;

/**
 * A region of the map with demand but no product near it.
 *
 * <p>Score = demand × gap, where demand is the Gaussian kernel density of the demand points (or of
 * the products themselves when no demand is given), scaled so that its highest value on the grid is
 * 1, and gap = 1 − exp(−d² / (2 s²)) with d the distance to the nearest product and s the products'
 * typical (median) nearest-neighbour distance on the map. A region qualifies only when d ≥ s.
 *
 * @param rank 1 for the best
 * @param x the region's centre, first axis
 * @param y the region's centre, second axis
 * @param score demand × gap, in [0, 1]
 * @param demand the scaled demand density at the centre, in [0, 1]
 * @param nearestDistance the map distance from the centre to the nearest product
 * @param spacing {@code nearestDistance} over the typical nearest-neighbour distance
 * @param between the two products nearest the centre
 * @param estimates the product that would sit there, feature by feature, read back from the map
 * @param price the estimated price there (clipped to the observed range), or null without price
 * @param priceClipped whether the read-back price fell outside the observed prices and was clipped
 * @param demandSource "demand points" or "neighbouring product density"
 * @param explanation plain words
 */
public record WhiteSpace(
    int rank,
    double x,
    double y,
    double score,
    double demand,
    double nearestDistance,
    double spacing,
    List<String> between,
    List<Estimate> estimates,
    Double price,
    boolean priceClipped,
    String demandSource,
    String explanation) {

  public WhiteSpace {
    Finite.check(x, "x");
    Finite.check(y, "y");
    Finite.check(score, "score");
    Finite.check(demand, "demand");
    Finite.check(nearestDistance, "nearest distance");
    Finite.check(spacing, "spacing");
    Finite.check(price, "price");
    between = List.copyOf(between);
    estimates = List.copyOf(estimates);
  }

  /**
   * One feature of the product that would fill the region, read back through the inverse projection
   * (feature means plus loadings times coordinates, un-standardised).
   *
   * @param column the feature column
   * @param value the numeric estimate, or null for a categorical column
   * @param level the most likely level of a categorical column, or null for a numeric one
   * @param unit the unit of a parsed unit column, or null
   * @param text plain words, "horsepower ≈ 130"
   */
  public record Estimate(String column, Double value, String level, String unit, String text) {

    public Estimate {
      Finite.check(value, "estimate of " + column);
    }
  }
}
