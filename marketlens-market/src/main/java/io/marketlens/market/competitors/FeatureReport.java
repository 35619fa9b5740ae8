package io.marketlens.market.competitors;

import java.util.List;

/**
 * Which columns became map features, how, and which were left out and why.
 *
 * @param used the feature columns, in table order
 * @param dropped the columns left out, in table order
 */
public record FeatureReport(List<Used> used, List<Dropped> dropped) {

  public FeatureReport {
    used = List.copyOf(used);
    dropped = List.copyOf(dropped);
  }

  /**
   * A feature column.
   *
   * @param column the column
   * @param kind "numeric", "boolean", "categorical", "unit" (parsed unit strings) or "number words"
   *     ("two", "four" read as 2, 4)
   * @param unit the common unit of a unit column, or null
   * @param levels the one-hot levels of a categorical column (rare ones merged into "other")
   * @param imputed how many missing values were filled in
   * @param imputedWith the value they were filled with (median or most common), or null
   */
  public record Used(
      String column,
      String kind,
      String unit,
      List<String> levels,
      int imputed,
      String imputedWith) {

    public Used {
      levels = List.copyOf(levels);
    }
  }

  /**
   * A column left out.
   *
   * @param column the column
   * @param reason why, in plain words
   */
  public record Dropped(String column, String reason) {}
}
