package io.marketlens.customers.features;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Features from a customers table alone (one row per customer, e.g. IBM Telco): numbers as they
 * are, yes/no flags as 1/0, categorical columns one-hot (one 0/1 feature per level).
 *
 * <p>Missing numbers take the column's median and missing flags its most common value (counted in
 * the cleaning report); a missing category becomes the level "missing". Free text, dates, columns
 * with a single value and excluded columns are skipped with a note. A number is marked skewed
 * (taken as {@code log1p} before standardising) when it is never negative and its sample skewness
 * exceeds 1. Thread-safe: calls share no state.
 */
public final class CustomerFeatures {

  static final String OTHER_LEVEL = "other";
  static final String MISSING_LEVEL = "missing";

  private static final Set<String> YES = Set.of("yes", "y", "true", "t", "1");
  private static final Set<String> NO = Set.of("no", "n", "false", "f", "0");

  private CustomerFeatures() {}

  /**
   * Builds the features of {@code customers}, one row per customer.
   *
   * @param idColumn the customer id column: present, never missing, unique
   * @throws InvalidInputException when the id or label column is absent, an id is missing or
   *     repeated, the label is not yes/no, or no column is usable as a feature
   */
  public static FeatureResult fromCustomers(
      Table customers, String idColumn, CustomerFeatureOptions options) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(options, "options");
    if (idColumn == null || idColumn.isBlank()) {
      throw InvalidInputException.in(customers.source())
          .key("id")
          .expected("the name of the customer id column")
          .found("none")
          .hint("columns: " + String.join(", ", customers.columnNames()))
          .build();
    }
    int n = customers.rowCount();
    List<String> ids = ids(customers, customers.column(idColumn));
    Label label = options.label() == null ? null : label(customers, options.label());
    List<Feature> features = new ArrayList<>();
    Map<String, Long> imputed = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (Column c : customers.columns()) {
      String name = c.name();
      if (name.equals(idColumn) || name.equals(options.label())) continue;
      if (options.exclude().contains(name)) {
        notes.add(name + " skipped: excluded");
        continue;
      }
      if (c.missingCount() == n) {
        notes.add(name + " skipped: every value is missing");
        continue;
      }
      switch (c.type()) {
        case INTEGER, DECIMAL -> numeric(c, options, features, imputed, notes);
        case BOOLEAN -> flag(c, features, imputed, notes);
        case CATEGORICAL -> levels(c, options.maxLevels(), features, notes);
        case TEXT -> notes.add(name + " skipped: free text or ids");
        case DATE, DATETIME -> notes.add(name + " skipped: dates are not used as features");
      }
    }
    if (features.isEmpty()) {
      throw InvalidInputException.in(customers.source())
          .expected("at least one numeric, yes/no or categorical column besides the id")
          .found("none usable")
          .hint(String.join("; ", notes))
          .build();
    }
    CleaningReport report = new CleaningReport("customers", n, Map.of(), n, n, imputed, notes);
    return new FeatureResult(new FeatureTable(ids, features, label), report);
  }

  private static List<String> ids(Table t, Column id) {
    int n = t.rowCount();
    String[] out = new String[n];
    Map<String, Integer> seen = new HashMap<>(Math.max(16, n * 2));
    for (int i = 0; i < n; i++) {
      String v = id.getString(i);
      if (v == null || v.isBlank()) {
        throw InvalidInputException.in(t.source())
            .row(i + 2)
            .column(id.name())
            .expected("a customer id")
            .found("an empty value")
            .build();
      }
      Integer before = seen.put(v, i);
      if (before != null) {
        throw InvalidInputException.in(t.source())
            .row(i + 2)
            .column(id.name())
            .expected("unique customer ids (one row per customer)")
            .found(v)
            .hint("the same id is on row " + (before + 2))
            .build();
      }
      out[i] = v;
    }
    return Arrays.asList(out);
  }

  private static Label label(Table t, String name) {
    Column c = t.column(name);
    int n = t.rowCount();
    boolean[] v = new boolean[n];
    BitSet missing = new BitSet();
    for (int i = 0; i < n; i++) {
      if (c.isMissing(i)) {
        missing.set(i);
        continue;
      }
      if (c.type() == ColumnType.BOOLEAN) {
        v[i] = c.getBoolean(i);
        continue;
      }
      String s = c.getString(i).trim().toLowerCase(Locale.ROOT);
      if (YES.contains(s)) v[i] = true;
      else if (!NO.contains(s)) {
        throw InvalidInputException.in(t.source())
            .row(i + 2)
            .column(name)
            .expected("a yes/no outcome (yes/no, true/false, 1/0)")
            .found(c.getString(i))
            .build();
      }
    }
    return new Label(name, v, missing);
  }

  private static void numeric(
      Column c,
      CustomerFeatureOptions o,
      List<Feature> out,
      Map<String, Long> imputed,
      List<String> notes) {
    int n = c.size();
    double[] v = new double[n];
    double[] known = new double[n - c.missingCount()];
    int m = 0;
    for (int i = 0; i < n; i++) if (!c.isMissing(i)) known[m++] = c.getDouble(i);
    double[] sorted = known.clone();
    Arrays.sort(sorted);
    if (sorted[0] == sorted[sorted.length - 1]) {
      notes.add(c.name() + " skipped: a single value");
      return;
    }
    double median = median(sorted);
    for (int i = 0; i < n; i++) v[i] = c.isMissing(i) ? median : c.getDouble(i);
    if (c.missingCount() > 0) imputed.put(c.name() + " (median)", (long) c.missingCount());
    boolean skewed = sorted[0] >= 0 && skewness(known) > 1;
    out.add(
        new Feature(
            c.name(),
            c.name(),
            o.units().getOrDefault(c.name(), ""),
            FeatureRole.OTHER,
            FeatureKind.NUMERIC,
            skewed,
            c.name(),
            null,
            v));
  }

  private static void flag(
      Column c, List<Feature> out, Map<String, Long> imputed, List<String> notes) {
    int n = c.size();
    int yes = 0;
    for (int i = 0; i < n; i++) if (!c.isMissing(i) && c.getBoolean(i)) yes++;
    int known = n - c.missingCount();
    if (yes == 0 || yes == known) {
      notes.add(c.name() + " skipped: a single value");
      return;
    }
    double fill = yes * 2 >= known ? 1 : 0;
    double[] v = new double[n];
    for (int i = 0; i < n; i++) v[i] = c.isMissing(i) ? fill : c.getBoolean(i) ? 1 : 0;
    if (c.missingCount() > 0) {
      imputed.put(c.name() + " (most common)", (long) c.missingCount());
    }
    out.add(
        new Feature(
            c.name(),
            c.name(),
            "",
            FeatureRole.OTHER,
            FeatureKind.BINARY,
            false,
            c.name(),
            null,
            v));
  }

  private static void levels(Column c, int maxLevels, List<Feature> out, List<String> notes) {
    int n = c.size();
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String s = c.isMissing(i) ? MISSING_LEVEL : c.getString(i);
      counts.merge(s, 1, Integer::sum);
    }
    if (counts.size() < 2) {
      notes.add(c.name() + " skipped: a single value");
      return;
    }
    List<Map.Entry<String, Integer>> order = new ArrayList<>(counts.entrySet());
    order.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
            .thenComparing(Map.Entry::getKey));
    List<String> kept = new ArrayList<>();
    for (Map.Entry<String, Integer> e : order) {
      if (kept.size() < maxLevels) kept.add(e.getKey());
    }
    boolean other = order.size() > maxLevels;
    if (other) {
      kept.set(maxLevels - 1, OTHER_LEVEL);
      notes.add(
          String.format(
              Locale.ROOT,
              "%s: %d levels, the %d most common kept, the rest grouped as '%s'",
              c.name(),
              order.size(),
              maxLevels - 1,
              OTHER_LEVEL));
    }
    List<String> sortedLevels = new ArrayList<>(kept);
    java.util.Collections.sort(sortedLevels);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (String level : sortedLevels) values.put(level, new double[n]);
    for (int i = 0; i < n; i++) {
      String s = c.isMissing(i) ? MISSING_LEVEL : c.getString(i);
      double[] v = values.get(s);
      if (v == null) v = values.get(OTHER_LEVEL);
      v[i] = 1;
    }
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      out.add(
          new Feature(
              c.name() + "=" + e.getKey(),
              c.name(),
              "",
              FeatureRole.OTHER,
              FeatureKind.LEVEL,
              false,
              c.name(),
              e.getKey(),
              e.getValue()));
    }
  }

  static double median(double[] sorted) {
    int m = sorted.length;
    return m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
  }

  /** Sample skewness (Fisher-Pearson, biased), 0 when the values do not vary. */
  static double skewness(double[] v) {
    double mean = 0;
    for (double x : v) mean += x;
    mean /= v.length;
    double m2 = 0;
    double m3 = 0;
    for (double x : v) {
      double d = x - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    m2 /= v.length;
    m3 /= v.length;
    return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
  }
}
