package io.marketlens.ml.tabular;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns table columns into the numeric features of a {@link TabularData}: numbers are imputed with
 * the training median (plus a 0/1 missing indicator when training had gaps) and standardised;
 * booleans become 0/1; categorical values become one-hot columns for the frequent training levels
 * plus an "other" column for rare and unseen ones.
 *
 * <p>Everything is learnt from the training rows only ({@link #fit}); the learnt {@link State} is a
 * record of plain values, so it can be written as JSON and read back with {@link #of(State)}.
 * Thread-safe: instances are immutable.
 */
public final class TabularEncoder {

  /** The level that stands for a missing categorical value. */
  public static final String MISSING_LEVEL = "(missing)";

  /** The one-hot level that takes rare and unseen values. */
  public static final String OTHER_LEVEL = "(other)";

  /** How a column is encoded. */
  public enum Kind {
    /** Imputed with the training median, then standardised. */
    NUMERIC,
    /** 0/1, missing imputed with the training median. */
    BOOLEAN,
    /** One-hot over the kept levels plus {@link #OTHER_LEVEL}. */
    CATEGORICAL
  }

  /**
   * The learnt encoding of one column.
   *
   * @param column the column name
   * @param kind how it is encoded
   * @param median the training median (numeric and boolean columns), used for missing values
   * @param mean the training mean after imputation (numeric), subtracted before scaling
   * @param scale the training standard deviation after imputation, or 1 when that is 0
   * @param missingIndicator whether a 0/1 "is missing" feature follows the value
   * @param levels the kept categorical levels, most frequent first (empty for other kinds)
   */
  public record ColumnEncoding(
      String column,
      Kind kind,
      double median,
      double mean,
      double scale,
      boolean missingIndicator,
      List<String> levels) {

    public ColumnEncoding {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(kind, "kind");
      levels = List.copyOf(levels);
    }

    int width() {
      int w = kind == Kind.CATEGORICAL ? levels.size() + 1 : 1;
      return w + (missingIndicator ? 1 : 0);
    }
  }

  /**
   * Everything an encoder learnt, as plain values.
   *
   * @param version the format version, {@link #VERSION}
   * @param columns one encoding per input column, in feature order
   */
  public record State(int version, List<ColumnEncoding> columns) {

    public static final int VERSION = 1;

    public State {
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "unknown encoder state version " + version + "; this build reads version " + VERSION);
      }
      columns = List.copyOf(columns);
    }
  }

  /**
   * How categorical levels are kept.
   *
   * @param maxLevels the most frequent levels kept per column, at least 1
   * @param minLevelCount the fewest training rows a level needs to be kept, at least 1
   */
  public record Options(int maxLevels, int minLevelCount) {

    public Options {
      if (maxLevels < 1) throw new IllegalArgumentException("maxLevels must be >= 1: " + maxLevels);
      if (minLevelCount < 1) {
        throw new IllegalArgumentException("minLevelCount must be >= 1: " + minLevelCount);
      }
    }

    /** Up to 30 levels per column, each seen at least 5 times in training. */
    public static Options defaults() {
      return new Options(30, 5);
    }
  }

  private final State state;
  private final List<String> featureNames;
  private final List<String> groups;

  private TabularEncoder(State state) {
    this.state = state;
    List<String> names = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (ColumnEncoding c : state.columns()) {
      if (c.kind() == Kind.CATEGORICAL) {
        for (String level : c.levels()) names.add(c.column() + "=" + level);
        names.add(c.column() + "=" + OTHER_LEVEL);
      } else {
        names.add(c.column());
      }
      if (c.missingIndicator()) names.add(c.column() + "=" + MISSING_LEVEL);
      for (int k = 0; k < c.width(); k++) owners.add(c.column());
    }
    this.featureNames = List.copyOf(names);
    this.groups = List.copyOf(owners);
  }

  /** An encoder that applies a previously learnt state. */
  public static TabularEncoder of(State state) {
    return new TabularEncoder(Objects.requireNonNull(state, "state"));
  }

  /**
   * Learns the encoding of {@code columns} from the rows {@code trainRows} of {@code table}.
   *
   * @throws InvalidInputException when a column is absent
   */
  public static TabularEncoder fit(
      Table table, List<String> columns, int[] trainRows, Options options) {
    if (trainRows.length == 0) throw new IllegalArgumentException("no training rows");
    List<ColumnEncoding> out = new ArrayList<>();
    for (String name : columns) {
      Column c = table.column(name);
      out.add(fitColumn(c, trainRows, options));
    }
    return new TabularEncoder(new State(State.VERSION, out));
  }

  private static ColumnEncoding fitColumn(Column c, int[] rows, Options options) {
    Kind kind = kindOf(c.type());
    if (kind == Kind.CATEGORICAL) return fitCategorical(c, rows, options);
    double[] present = new double[rows.length];
    int n = 0;
    for (int r : rows) if (!c.isMissing(r)) present[n++] = c.getDouble(r);
    double median = n == 0 ? 0 : median(Arrays.copyOf(present, n));
    boolean indicator = n < rows.length;
    if (kind == Kind.BOOLEAN)
      return new ColumnEncoding(c.name(), kind, median, 0, 1, indicator, List.of());
    double sum = 0;
    for (int r : rows) sum += c.isMissing(r) ? median : c.getDouble(r);
    double mean = sum / rows.length;
    double ss = 0;
    for (int r : rows) {
      double d = (c.isMissing(r) ? median : c.getDouble(r)) - mean;
      ss += d * d;
    }
    double sd = Math.sqrt(ss / rows.length);
    return new ColumnEncoding(c.name(), kind, median, mean, sd > 0 ? sd : 1, indicator, List.of());
  }

  private static ColumnEncoding fitCategorical(Column c, int[] rows, Options options) {
    Map<String, Integer> counts = new HashMap<>();
    for (int r : rows) counts.merge(levelOf(c, r), 1, Integer::sum);
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Comparator.<Map.Entry<String, Integer>>comparingInt(e -> -e.getValue())
            .thenComparing(Map.Entry::getKey));
    List<String> levels = new ArrayList<>();
    for (Map.Entry<String, Integer> e : entries) {
      if (levels.size() == options.maxLevels() || e.getValue() < options.minLevelCount()) break;
      levels.add(e.getKey());
    }
    return new ColumnEncoding(c.name(), Kind.CATEGORICAL, 0, 0, 1, false, levels);
  }

  static Kind kindOf(ColumnType type) {
    switch (type) {
      case BOOLEAN:
        return Kind.BOOLEAN;
      case CATEGORICAL:
      case TEXT:
        return Kind.CATEGORICAL;
      default:
        return Kind.NUMERIC;
    }
  }

  private static String levelOf(Column c, int row) {
    String s = c.getString(row);
    return s == null ? MISSING_LEVEL : s;
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  public State state() {
    return state;
  }

  /** One name per feature: the column name, or {@code column=level} for one-hot and indicators. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The original column of each feature. */
  public List<String> groups() {
    return groups;
  }

  /** The encoded input columns, in order. */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    for (ColumnEncoding c : state.columns()) out.add(c.column());
    return out;
  }

  /** Encodes every row of {@code table}. */
  public double[][] encode(Table table) {
    int[] all = new int[table.rowCount()];
    for (int i = 0; i < all.length; i++) all[i] = i;
    return encode(table, all);
  }

  /**
   * Encodes the rows {@code rows} of {@code table}.
   *
   * @throws InvalidInputException when a column is absent or no longer of a usable type
   */
  public double[][] encode(Table table, int[] rows) {
    double[][] x = new double[rows.length][featureNames.size()];
    int offset = 0;
    for (ColumnEncoding e : state.columns()) {
      Column c = table.column(e.column());
      checkType(table, c, e);
      for (int k = 0; k < rows.length; k++) encodeCell(e, c, rows[k], x[k], offset);
      offset += e.width();
    }
    return x;
  }

  /** Encodes {@code rows} with their labels. */
  public TabularData encode(Table table, int[] rows, int[] labels) {
    return new TabularData(encode(table, rows), featureNames, groups, labels, null);
  }

  private static void checkType(Table table, Column c, ColumnEncoding e) {
    Kind now = kindOf(c.type());
    boolean ok = e.kind() == Kind.CATEGORICAL || now != Kind.CATEGORICAL;
    if (!ok) {
      throw InvalidInputException.in(table.source())
          .column(c.name())
          .expected(
              e.kind() == Kind.BOOLEAN
                  ? "yes/no values, as in training"
                  : "numbers, as in training")
          .found(c.type().id() + " values")
          .build();
    }
  }

  private static void encodeCell(ColumnEncoding e, Column c, int row, double[] out, int offset) {
    boolean missing = c.isMissing(row);
    switch (e.kind()) {
      case NUMERIC:
        out[offset] = ((missing ? e.median() : c.getDouble(row)) - e.mean()) / e.scale();
        break;
      case BOOLEAN:
        out[offset] = missing ? e.median() : (c.getDouble(row) != 0 ? 1 : 0);
        break;
      case CATEGORICAL:
        int at = e.levels().indexOf(levelOf(c, row));
        out[offset + (at < 0 ? e.levels().size() : at)] = 1;
        break;
      default:
        throw new AssertionError(e.kind());
    }
    if (e.missingIndicator()) out[offset + e.width() - 1] = missing ? 1 : 0;
  }
}
