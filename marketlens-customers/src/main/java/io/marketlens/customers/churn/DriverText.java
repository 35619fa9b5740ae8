package io.marketlens.customers.churn;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Observed churn rates behind a driver, in plain words: for a categorical or yes/no column, the
 * value with the highest churn rate (among values held by at least 5 % of customers) against all
 * others; for a number, at or below the median against above it.
 */
final class DriverText {

  private DriverText() {}

  static String describe(Table t, String column, int[] labels) {
    Column c = t.column(column);
    boolean numeric = c.type().isNumeric();
    return numeric ? numeric(c, labels) : categorical(c, labels);
  }

  private static String categorical(Column c, int[] labels) {
    Map<String, long[]> counts = new TreeMap<>(); // value -> {churned, all}
    long total = 0;
    long churned = 0;
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] < 0) continue;
      long[] k = counts.computeIfAbsent(value(c, r), v -> new long[2]);
      k[0] += labels[r];
      k[1]++;
      total++;
      churned += labels[r];
    }
    long minSupport = Math.max(1, Math.round(total * 0.05));
    String best = null;
    double bestRate = -1;
    for (Map.Entry<String, long[]> e : counts.entrySet()) {
      long[] k = e.getValue();
      if (k[1] < minSupport || k[1] == total) continue;
      double rate = (double) k[0] / k[1];
      if (rate > bestRate) {
        bestRate = rate;
        best = e.getKey();
      }
    }
    if (best == null) return c.name() + ": no value is common enough to compare";
    long[] k = counts.get(best);
    double rest = (double) (churned - k[0]) / (total - k[1]);
    return String.format(
        Locale.ROOT,
        "%s = %s: churn %s vs %s otherwise",
        c.name(),
        best,
        percent(bestRate),
        percent(rest));
  }

  private static String numeric(Column c, int[] labels) {
    List<double[]> pairs = new ArrayList<>(); // {value, label}
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] >= 0 && !c.isMissing(r)) pairs.add(new double[] {c.getDouble(r), labels[r]});
    }
    if (pairs.isEmpty()) return c.name() + ": no values";
    double[] values = pairs.stream().mapToDouble(p -> p[0]).toArray();
    Arrays.sort(values);
    double cut = values[(values.length - 1) / 2];
    if (cut >= values[values.length - 1]) {
      cut = Arrays.stream(values).average().orElse(cut);
    }
    double[] low = new double[2];
    double[] high = new double[2];
    for (double[] p : pairs) {
      double[] side = p[0] <= cut ? low : high;
      side[0] += p[1];
      side[1]++;
    }
    if (low[1] == 0 || high[1] == 0) return c.name() + ": the same value for almost everyone";
    return String.format(
        Locale.ROOT,
        "%s <= %s: churn %s vs %s above",
        c.name(),
        number(cut),
        percent(low[0] / low[1]),
        percent(high[0] / high[1]));
  }

  /** A cell as shown to people: yes/no for flags, "(missing)" for gaps. */
  static String value(Column c, int row) {
    if (c.isMissing(row)) return "(missing)";
    if (c.type() == ColumnType.BOOLEAN) return c.getBoolean(row) ? "yes" : "no";
    if (c.type() == ColumnType.DECIMAL) return number(c.getDouble(row));
    return c.getString(row);
  }

  /** The most common value (categorical, yes/no) or the median (numbers) of {@code rows}. */
  static String typical(Column c, int[] rows) {
    if (c.type().isNumeric()) {
      double[] v =
          Arrays.stream(rows).filter(r -> !c.isMissing(r)).mapToDouble(c::getDouble).toArray();
      if (v.length == 0) return "(missing)";
      Arrays.sort(v);
      return "median " + number(v[(v.length - 1) / 2]);
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (int r : rows) counts.merge(value(c, r), 1, Integer::sum);
    return counts.entrySet().stream()
        .max(Comparator.comparingInt(Map.Entry::getValue))
        .map(Map.Entry::getKey)
        .orElse("(missing)");
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.0f %%", 100 * rate);
  }

  static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
    return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
  }
}
