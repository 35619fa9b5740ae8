package io.marketlens.market.competitors;

import io.marketlens.core.validate.InvalidInputException;
import java.util.List;

/**
 * What {@link CompetitorAnalysis#run} should do with a product table. Start from {@link
 * #defaults(String, String, String)} and change what you need with the {@code with…} methods.
 *
 * @param nameColumn the column naming each product (the project file's {@code name})
 * @param priceColumn the price column, or null when the table has none (no frontier then); a price
 *     column of strings such as "$1,299" is parsed as a unit column
 * @param ours the {@code nameColumn} value of our product, or null for a map without rivals
 * @param unitColumns columns holding unit strings ("8GB", "1.37kg") to parse as numbers
 * @param projection how the map is computed
 * @param featureColumns the columns to use as features; empty means every usable column but the
 *     name (the price column is always a map feature when given)
 * @param maxLevels the most one-hot levels of a categorical column; rarer levels become "other"
 * @param rivals how many nearest rivals of ours to list
 * @param whiteSpaceRegions how many white-space regions to list at most
 * @param gridSize the white-space search grid has gridSize × gridSize cells
 * @param seed the seed of the one stochastic step (the start block of large MDS eigensolves, which
 *     does not change the converged map)
 * @param demand demand points (for example customer segments); empty means demand is read from the
 *     density of the products themselves
 */
public record CompetitorOptions(
    String nameColumn,
    String priceColumn,
    String ours,
    List<String> unitColumns,
    Projection projection,
    List<String> featureColumns,
    int maxLevels,
    int rivals,
    int whiteSpaceRegions,
    int gridSize,
    long seed,
    List<DemandPoint> demand) {

  public static final int DEFAULT_MAX_LEVELS = 12;
  public static final int DEFAULT_RIVALS = 5;
  public static final int DEFAULT_WHITE_SPACE_REGIONS = 5;
  public static final int DEFAULT_GRID_SIZE = 40;
  public static final long DEFAULT_SEED = 42;

  /**
   * @throws InvalidInputException when a count is out of range or the name column is blank
   */
  public CompetitorOptions {
    if (nameColumn == null || nameColumn.isBlank()) {
      throw InvalidInputException.usage("the name of the column naming each product", "none");
    }
    unitColumns = unitColumns == null ? List.of() : List.copyOf(unitColumns);
    featureColumns = featureColumns == null ? List.of() : List.copyOf(featureColumns);
    demand = demand == null ? List.of() : List.copyOf(demand);
    projection = projection == null ? Projection.PCA : projection;
    require(maxLevels >= 1, "maxLevels of at least 1", maxLevels);
    require(rivals >= 0, "a number of rivals of at least 0", rivals);
    require(
        whiteSpaceRegions >= 0, "a number of white-space regions of at least 0", whiteSpaceRegions);
    require(gridSize >= 8 && gridSize <= 400, "a white-space grid size from 8 to 400", gridSize);
  }

  /** PCA, every usable column, 12 levels, 5 rivals, 5 regions, a 40 × 40 grid, seed 42. */
  public static CompetitorOptions defaults(String nameColumn, String priceColumn, String ours) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        List.of(),
        Projection.PCA,
        List.of(),
        DEFAULT_MAX_LEVELS,
        DEFAULT_RIVALS,
        DEFAULT_WHITE_SPACE_REGIONS,
        DEFAULT_GRID_SIZE,
        DEFAULT_SEED,
        List.of());
  }

  public CompetitorOptions withUnitColumns(List<String> columns) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        columns,
        projection,
        featureColumns,
        maxLevels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        seed,
        demand);
  }

  public CompetitorOptions withProjection(Projection p) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        p,
        featureColumns,
        maxLevels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        seed,
        demand);
  }

  public CompetitorOptions withFeatureColumns(List<String> columns) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        columns,
        maxLevels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        seed,
        demand);
  }

  public CompetitorOptions withMaxLevels(int levels) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        featureColumns,
        levels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        seed,
        demand);
  }

  public CompetitorOptions withRivals(int count) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        featureColumns,
        maxLevels,
        count,
        whiteSpaceRegions,
        gridSize,
        seed,
        demand);
  }

  public CompetitorOptions withWhiteSpace(int regions, int grid) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        featureColumns,
        maxLevels,
        rivals,
        regions,
        grid,
        seed,
        demand);
  }

  public CompetitorOptions withSeed(long newSeed) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        featureColumns,
        maxLevels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        newSeed,
        demand);
  }

  public CompetitorOptions withDemand(List<DemandPoint> points) {
    return new CompetitorOptions(
        nameColumn,
        priceColumn,
        ours,
        unitColumns,
        projection,
        featureColumns,
        maxLevels,
        rivals,
        whiteSpaceRegions,
        gridSize,
        seed,
        points);
  }

  private static void require(boolean ok, String expected, int found) {
    if (!ok) throw InvalidInputException.usage(expected, Integer.toString(found));
  }
}
