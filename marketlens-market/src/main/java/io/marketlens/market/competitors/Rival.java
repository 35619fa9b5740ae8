package io.marketlens.market.competitors;

import java.util.List;

/**
 * A product near ours in the standardised feature space (price included).
 *
 * @param rank 1 for the nearest
 * @param index the rival's 0-based data row
 * @param name the rival's name
 * @param distance the Euclidean distance to ours over all standardised features
 * @param mapDistance the distance to ours on the two-axis map
 * @param price the rival's price, or null when unknown or the table has no price
 * @param priceDifference the rival's price minus ours, or null when either is unknown
 * @param differences the two or three features that differ most, largest first
 * @param summary one sentence: "mazda sedan 4: same price; rival has 12 % more horsepower …"
 */
public record Rival(
    int rank,
    int index,
    String name,
    double distance,
    double mapDistance,
    Double price,
    Double priceDifference,
    List<Difference> differences,
    String summary) {

  public Rival {
    Finite.check(distance, "distance");
    Finite.check(mapDistance, "map distance");
    Finite.check(price, "price");
    Finite.check(priceDifference, "price difference");
    differences = List.copyOf(differences);
  }

  /**
   * One feature where the rival differs from ours.
   *
   * @param column the feature column
   * @param ours our value, as text
   * @param rival the rival's value, as text
   * @param text plain words, "rival has 40 % more horsepower (116 vs 84)"
   */
  public record Difference(String column, String ours, String rival, String text) {}
}
