package io.marketlens.market.competitors;

import java.util.List;

/**
 * The positioning map: two named axes and every product's place on them.
 *
 * @param projection "pca" or "mds"
 * @param axes the two axes, the one explaining most variance first
 * @param points one point per product, in table order
 */
public record CompetitorMap(String projection, List<Axis> axes, List<Point> points) {

  public CompetitorMap {
    axes = List.copyOf(axes);
    points = List.copyOf(points);
  }

  /**
   * One map axis, named from the features that move most with it.
   *
   * @param name a short name, "curb-weight & length ↔ highway-mpg & city-mpg" (positive side first)
   * @param explainedVariance the share of the standardised features' total variance on this axis
   * @param positive what grows towards the positive end
   * @param negative what grows towards the negative end
   * @param loadings every model feature, strongest correlation first
   */
  public record Axis(
      String name, double explainedVariance, Side positive, Side negative, List<Loading> loadings) {

    public Axis {
      Finite.check(explainedVariance, "explained variance");
      loadings = List.copyOf(loadings);
    }
  }

  /**
   * One end of an axis.
   *
   * @param description plain words, "higher curb-weight (r = 0.97), higher length (r = 0.90)"
   * @param features the two or three features behind the description
   */
  public record Side(String description, List<Loading> features) {

    public Side {
      features = List.copyOf(features);
    }
  }

  /**
   * How one model feature relates to an axis.
   *
   * @param feature the feature's label: the column, or "column=level" for a one-hot level
   * @param column the source column
   * @param level the one-hot level, or null for a numeric column
   * @param weight the feature's weight in the axis direction (its eigenvector component)
   * @param correlation the correlation between the feature and the products' axis coordinates
   */
  public record Loading(
      String feature, String column, String level, double weight, double correlation) {

    public Loading {
      Finite.check(weight, "loading of " + feature);
      Finite.check(correlation, "correlation of " + feature);
    }
  }

  /**
   * A product on the map.
   *
   * @param index the product's 0-based data row in the table
   * @param name the product's name
   * @param x the first axis coordinate
   * @param y the second axis coordinate
   * @param ours whether this is our product
   */
  public record Point(int index, String name, double x, double y, boolean ours) {

    public Point {
      Finite.check(x, "x of " + name);
      Finite.check(y, "y of " + name);
    }
  }
}
