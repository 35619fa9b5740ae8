package io.marketlens.core.quality;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The figures of one column that quality warnings are built from: missing and distinct counts, the
 * first distinct values, and whether the values look like identifiers (short, no spaces). Numbers
 * and dates are counted by sorting a primitive copy, strings with a hash set.
 */
final class ColumnProfile {

  static final int EXAMPLES = 3;
  private static final int ID_MAX_LENGTH = 40;

  final Column column;
  final int rows;
  final int missing;
  final long distinct;
  final List<String> examples;

  /** Whether every present value is short and has no whitespace, as codes and ids are. */
  final boolean codeLike;

  private ColumnProfile(Column column, long distinct, List<String> examples, boolean codeLike) {
    this.column = column;
    this.rows = column.size();
    this.missing = column.missingCount();
    this.distinct = distinct;
    this.examples = examples;
    this.codeLike = codeLike;
  }

  static ColumnProfile of(Column c) {
    List<String> examples = examples(c);
    if (c.type().isString()) return ofStrings(c, examples);
    int n = c.size();
    if (c.type() == ColumnType.DECIMAL) {
      double[] v = new double[n - c.missingCount()];
      int k = 0;
      for (int i = 0; i < n; i++) if (!c.isMissing(i)) v[k++] = c.getDouble(i);
      Arrays.sort(v);
      long distinct = v.length == 0 ? 0 : 1;
      for (int i = 1; i < v.length; i++) if (Double.compare(v[i], v[i - 1]) != 0) distinct++;
      return new ColumnProfile(c, distinct, examples, false);
    }
    long[] v = new long[n - c.missingCount()];
    int k = 0;
    for (int i = 0; i < n; i++) if (!c.isMissing(i)) v[k++] = c.getLong(i);
    Arrays.sort(v);
    long distinct = v.length == 0 ? 0 : 1;
    for (int i = 1; i < v.length; i++) if (v[i] != v[i - 1]) distinct++;
    return new ColumnProfile(c, distinct, examples, c.type() == ColumnType.INTEGER);
  }

  long present() {
    return (long) rows - missing;
  }

  private static ColumnProfile ofStrings(Column c, List<String> examples) {
    Set<String> seen = new HashSet<>();
    boolean codeLike = true;
    for (int i = 0; i < c.size(); i++) {
      if (c.isMissing(i)) continue;
      String v = c.getString(i);
      if (seen.add(v) && codeLike) codeLike = isCode(v);
    }
    return new ColumnProfile(c, seen.size(), examples, codeLike);
  }

  private static boolean isCode(String v) {
    if (v.length() > ID_MAX_LENGTH) return false;
    for (int i = 0; i < v.length(); i++) if (Character.isWhitespace(v.charAt(i))) return false;
    return true;
  }

  private static List<String> examples(Column c) {
    Set<String> first = new LinkedHashSet<>();
    for (int i = 0; i < c.size() && first.size() < EXAMPLES; i++) {
      if (!c.isMissing(i)) first.add(c.getString(i));
    }
    return new ArrayList<>(first);
  }
}
