package io.marketlens.market.competitors;

import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The competitor analysis: from a table of products (one of them ours) with numeric, yes/no,
 * categorical and unit-string features and a price, a positioning map with named axes, the
 * price–value frontier, our nearest rivals and the white space on the map.
 *
 * <p>Steps, each in a package-private class that documents its formulas:
 *
 * <ol>
 *   <li><b>Features</b> ({@code FeatureBuilder}): numbers as they are; yes/no as 0/1; categories
 *       one-hot (at most {@code maxLevels} levels, rarer ones merged into "other"; one indicator
 *       for two levels; a text column of short labels each used on two rows or more, such as 22 car
 *       brands, counts as categorical); columns of number words ("two", "four") as numbers; unit
 *       strings ("8GB", "1.37kg", "2.5GHz", "$1,299") parsed in the columns the options list,
 *       converted to one unit per column. Missing values take the median or the most common level
 *       and are counted; a column more than half missing, constant, free text, a date or id-like is
 *       left out, and the result says why. Every numeric feature and one-hot level is z-scored; the
 *       indicators of a categorical column are scaled by 1/√(its number of indicators), so each
 *       column, whatever its number of levels, adds 1 to the total variance.
 *   <li><b>Map</b> ({@code Projector}): PCA (covariance eigenvectors by cyclic Jacobi) or classical
 *       MDS (double-centred squared Euclidean distances), which give the same coordinates;
 *       eigenvector signs fixed so the largest weight is positive. Axes are named from the features
 *       that correlate most with them ({@code AxisNamer}).
 *   <li><b>Value</b> ({@code PriceFrontier}): hedonic value = ridge regression of price on all
 *       other features, penalty chosen by exact leave-one-out error; value for money = value −
 *       price; the frontier holds the products no other product beats on value without costing
 *       more.
 *   <li><b>Rivals</b> ({@code RivalFinder}): the nearest products to ours over all standardised
 *       features, price included, with the features that differ most.
 *   <li><b>White space</b> ({@code WhiteSpaceFinder}): score = demand × gap on a grid over the map,
 *       demand = kernel density of the demand points (segments as feature values, reviewed
 *       products, or map points) or else of the products, gap = 1 − exp(−d²/2s²) for distance d to
 *       the nearest product and typical spacing s; best regions after non-maximum suppression,
 *       explained through the inverse projection.
 * </ol>
 *
 * <p>Deterministic: the same table and options give the same result, bit for bit. Thread-safe: it
 * keeps no state. A table of a few hundred products takes well under a second.
 */
public final class CompetitorAnalysis {

  private CompetitorAnalysis() {}

  /**
   * Analyses {@code products} as {@code options} say.
   *
   * @throws InvalidInputException for fewer than 3 products or 2 usable features, a column the
   *     options name that the table lacks, an unknown or ambiguous {@code ours}, an unparseable
   *     unit string (naming its row and column), a price column that is not numeric or has fewer
   *     than 3 values, or a bad demand point
   */
  public static CompetitorResult run(Table products, CompetitorOptions options) {
    Objects.requireNonNull(products, "products");
    Objects.requireNonNull(options, "options");
    FeatureSpace fs = FeatureBuilder.build(products, options);
    List<String> notes = new ArrayList<>(fs.notes);
    Projector.Basis basis = Projector.project(fs.z, options.projection(), options.seed());
    CompetitorMap map = map(fs, basis, options.projection());

    PriceValue priceValue = null;
    if (fs.hasPrice()) priceValue = PriceFrontier.compute(fs, notes);
    else if (options.priceColumn() != null) {
      notes.add(
          "no price-value frontier: the price column " + options.priceColumn() + " was left out");
    } else notes.add("no price-value frontier: no price column was given");

    List<Rival> rivals = List.of();
    if (fs.ours >= 0) rivals = RivalFinder.find(fs, basis, options.rivals());
    else notes.add("no rivals: no product is marked as ours");

    List<WhiteSpace> whiteSpace = WhiteSpaceFinder.find(fs, basis, options, notes);
    String ours = fs.ours >= 0 ? fs.names[fs.ours] : null;
    return new CompetitorResult(map, priceValue, ours, rivals, whiteSpace, fs.report, notes);
  }

  private static CompetitorMap map(FeatureSpace fs, Projector.Basis basis, Projection projection) {
    List<CompetitorMap.Point> points = new ArrayList<>();
    double[][] c = basis.coords();
    for (int i = 0; i < fs.rows(); i++) {
      points.add(new CompetitorMap.Point(i, fs.names[i], c[i][0], c[i][1], i == fs.ours));
    }
    return new CompetitorMap(projection.id(), AxisNamer.name(fs, basis), points);
  }
}
