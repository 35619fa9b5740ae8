package io.marketlens.ml.lab.tabular;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The target column of a tabular model read as classes or as numbers. The column is read as text
 * (so "Yes"/"No" keep their spelling as class names) and then:
 *
 * <ul>
 *   <li>{@code regression} (asked for, or automatic when every value is a number and there are more
 *       than {@value #MAX_AUTO_CLASSES} distinct values): each value parsed as a number;
 *   <li>otherwise classification: the distinct trimmed values are the classes, in numeric order
 *       when all are numbers, negative first for a yes/no style pair, else alphabetical.
 * </ul>
 */
final class TabularTarget {

  /** More distinct numeric values than this make an automatic task a regression. */
  static final int MAX_AUTO_CLASSES = 20;

  /** The most classes a classification target may have. */
  static final int MAX_CLASSES = 200;

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private static final List<Set<String>> NEGATIVE_FIRST =
      List.of(Set.of("no", "yes"), Set.of("false", "true"), Set.of("n", "y"), Set.of("f", "t"));

  private static final Set<String> NEGATIVES = Set.of("no", "false", "n", "f");

  final MlpHead head;
  final List<String> classes;

  /** Class index per row, -1 where the target is missing (classification). */
  final int[] labels;

  /** Value per row, NaN where missing (regression). */
  final double[] values;

  private TabularTarget(MlpHead head, List<String> classes, int[] labels, double[] values) {
    this.head = head;
    this.classes = classes;
    this.labels = labels;
    this.values = values;
  }

  /** The rows whose target is present. */
  int[] presentRows() {
    List<Integer> out = new ArrayList<>();
    for (int r = 0; r < (labels != null ? labels.length : values.length); r++) {
      if (labels != null ? labels[r] >= 0 : !Double.isNaN(values[r])) out.add(r);
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Analyses the target column for training.
   *
   * @param task {@code auto}, {@code classification} or {@code regression}
   * @throws InvalidInputException when the column has no values, one class only, too many classes,
   *     or non-numbers for a regression
   */
  static TabularTarget of(Table table, Column column, String task) {
    int n = table.rowCount();
    String[] raw = new String[n];
    int present = 0;
    for (int r = 0; r < n; r++) {
      String s = column.getString(r);
      raw[r] = s == null || s.isBlank() ? null : s.trim();
      if (raw[r] != null) present++;
    }
    if (present == 0) {
      throw InvalidInputException.in(table.source())
          .column(column.name())
          .expected("target values to learn from")
          .found("only missing values in all " + n + " rows")
          .hint("check the --target column name and the file")
          .build();
    }
    Set<String> distinct = new LinkedHashSet<>();
    boolean numeric = true;
    for (String s : raw) {
      if (s == null) continue;
      distinct.add(s);
      if (numeric && !NUMBER.matcher(s).matches()) numeric = false;
    }
    boolean regression =
        task.equals("regression")
            || (task.equals("auto") && numeric && distinct.size() > MAX_AUTO_CLASSES);
    if (regression) return regression(table, column, raw);
    return classification(table, column, raw, distinct, numeric);
  }

  private static TabularTarget regression(Table table, Column column, String[] raw) {
    double[] v = new double[raw.length];
    double first = Double.NaN;
    boolean varies = false;
    for (int r = 0; r < raw.length; r++) {
      if (raw[r] == null) {
        v[r] = Double.NaN;
        continue;
      }
      v[r] = number(raw[r]);
      if (Double.isNaN(v[r])) {
        throw InvalidInputException.in(table.source())
            .row(r + 2L)
            .column(column.name())
            .expected("a number (the target of a regression)")
            .found(raw[r])
            .hint("fix or blank the value, or use --task classification for categories")
            .build();
      }
      if (Double.isNaN(first)) first = v[r];
      else if (v[r] != first) varies = true;
    }
    if (!varies) {
      throw InvalidInputException.in(table.source())
          .column(column.name())
          .expected("a target that varies between rows")
          .found("the same value " + first + " in every row")
          .build();
    }
    return new TabularTarget(MlpHead.REGRESSION, List.of(), null, v);
  }

  private static TabularTarget classification(
      Table table, Column column, String[] raw, Set<String> distinct, boolean numeric) {
    if (distinct.size() < 2) {
      throw InvalidInputException.in(table.source())
          .column(column.name())
          .expected("at least two different target values (classes) to learn from")
          .found("only '" + distinct.iterator().next() + "'")
          .hint("a classifier needs examples of every outcome; check the file and --target")
          .build();
    }
    if (distinct.size() > MAX_CLASSES) {
      throw InvalidInputException.in(table.source())
          .column(column.name())
          .expected("at most " + MAX_CLASSES + " classes")
          .found(distinct.size() + " distinct values")
          .hint(
              numeric
                  ? "for a numeric target use --task regression"
                  : "is --target an id or free-text column?")
          .build();
    }
    List<String> classes = order(new ArrayList<>(distinct), numeric);
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) index.put(classes.get(c), c);
    int[] labels = new int[raw.length];
    for (int r = 0; r < raw.length; r++) labels[r] = raw[r] == null ? -1 : index.get(raw[r]);
    MlpHead head = classes.size() == 2 ? MlpHead.BINARY : MlpHead.MULTICLASS;
    return new TabularTarget(head, List.copyOf(classes), labels, null);
  }

  static List<String> order(List<String> classes, boolean numeric) {
    if (numeric) {
      classes.sort(Comparator.comparingDouble(TabularTarget::number).thenComparing(s -> s));
      return classes;
    }
    if (classes.size() == 2) {
      Set<String> lower =
          Set.of(classes.get(0).toLowerCase(Locale.ROOT), classes.get(1).toLowerCase(Locale.ROOT));
      if (NEGATIVE_FIRST.contains(lower)) {
        if (!NEGATIVES.contains(classes.get(0).toLowerCase(Locale.ROOT))) {
          return new ArrayList<>(List.of(classes.get(1), classes.get(0)));
        }
        return classes;
      }
    }
    classes.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
    return classes;
  }

  /** The number written in {@code s}, or NaN when it is not a plain decimal number. */
  static double number(String s) {
    String t = s.trim();
    return NUMBER.matcher(t).matches() ? Double.parseDouble(t) : Double.NaN;
  }
}
