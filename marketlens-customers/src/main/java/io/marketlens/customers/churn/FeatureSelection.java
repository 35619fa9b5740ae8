package io.marketlens.customers.churn;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Which columns become features, and why the others do not. */
final class FeatureSelection {

  /** A categorical column with more distinct values than this share of rows is id-like. */
  private static final double ID_LIKE_SHARE = 0.5;

  /** ...unless it has at most this many distinct values. */
  private static final int ID_LIKE_MIN_LEVELS = 50;

  final List<String> features = new ArrayList<>();
  final List<DroppedColumn> dropped = new ArrayList<>();

  FeatureSelection(Table t, String id, String label, List<String> exclude, int[] labelledRows) {
    for (Column c : t.columns()) {
      String why = reason(c, id, label, exclude, labelledRows);
      if (why == null) features.add(c.name());
      else dropped.add(new DroppedColumn(c.name(), why));
    }
  }

  private static String reason(
      Column c, String id, String label, List<String> exclude, int[] rows) {
    if (c.name().equals(id)) return "id column";
    if (c.name().equals(label)) return "churn label";
    if (exclude.contains(c.name())) return "excluded in the options";
    if (c.type() == ColumnType.TEXT) return "free text";
    if (c.type() == ColumnType.DATE || c.type() == ColumnType.DATETIME) {
      return "dates are not used; derive a tenure or recency column instead";
    }
    Set<String> distinct = new HashSet<>();
    String first = c.getString(rows[0]);
    boolean constant = true;
    for (int r : rows) {
      String v = c.getString(r);
      if (constant && !Objects.equals(v, first)) constant = false;
      if (c.type() == ColumnType.CATEGORICAL) distinct.add(v);
    }
    if (constant) return "the same in every row";
    if (distinct.size() > Math.max(ID_LIKE_MIN_LEVELS, ID_LIKE_SHARE * rows.length)) {
      return "looks like an identifier (" + distinct.size() + " distinct values)";
    }
    return null;
  }
}
