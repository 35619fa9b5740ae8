package io.marketlens.core.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Objects;

/**
 * One typed, immutable column of a {@link Table}. Values are stored in a primitive array chosen by
 * the type (INTEGER, BOOLEAN, DATE and DATETIME in {@code long[]}; DECIMAL in {@code double[]};
 * CATEGORICAL and TEXT in {@code String[]}); missing values are marked in a bit set.
 *
 * <p>Thread-safe: instances are never modified after construction. The arrays handed to the
 * factories are owned by the column from then on.
 */
public final class Column {

  private final String name;
  private final ColumnType type;
  private final long[] longs;
  private final double[] doubles;
  private final String[] strings;
  private final BitSet missing;
  private final int size;

  private Column(
      String name,
      ColumnType type,
      long[] longs,
      double[] doubles,
      String[] strings,
      BitSet missing,
      int size) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.longs = longs;
    this.doubles = doubles;
    this.strings = strings;
    this.missing = missing == null ? new BitSet() : missing;
    this.size = size;
  }

  /** INTEGER, BOOLEAN (0/1), DATE (epoch day) or DATETIME (epoch second) values. */
  public static Column ofLongs(String name, ColumnType type, long[] values, BitSet missing) {
    if (type != ColumnType.INTEGER
        && type != ColumnType.BOOLEAN
        && type != ColumnType.DATE
        && type != ColumnType.DATETIME) {
      throw new IllegalArgumentException("long storage does not hold " + type);
    }
    return new Column(name, type, values, null, null, missing, values.length);
  }

  public static Column ofDoubles(String name, double[] values, BitSet missing) {
    return new Column(name, ColumnType.DECIMAL, null, values, null, missing, values.length);
  }

  /** CATEGORICAL or TEXT values; a null element is treated as missing. */
  public static Column ofStrings(String name, ColumnType type, String[] values, BitSet missing) {
    if (!type.isString())
      throw new IllegalArgumentException("string storage does not hold " + type);
    BitSet m = missing == null ? new BitSet() : missing;
    for (int i = 0; i < values.length; i++) if (values[i] == null) m.set(i);
    return new Column(name, type, null, null, values, m, values.length);
  }

  public String name() {
    return name;
  }

  public ColumnType type() {
    return type;
  }

  public int size() {
    return size;
  }

  public boolean isMissing(int row) {
    return missing.get(row);
  }

  public int missingCount() {
    return missing.cardinality();
  }

  /**
   * The value as a double: numbers, booleans as 0/1, dates as epoch days, date-times as seconds.
   */
  public double getDouble(int row) {
    if (missing.get(row)) return Double.NaN;
    if (doubles != null) return doubles[row];
    if (longs != null) return longs[row];
    throw new IllegalStateException(
        "column '" + name + "' of type " + type.id() + " is not numeric");
  }

  public long getLong(int row) {
    if (longs != null) return longs[row];
    if (doubles != null) return (long) doubles[row];
    throw new IllegalStateException(
        "column '" + name + "' of type " + type.id() + " is not numeric");
  }

  public boolean getBoolean(int row) {
    return getLong(row) != 0;
  }

  public LocalDate getDate(int row) {
    if (missing.get(row)) return null;
    if (type == ColumnType.DATE) return LocalDate.ofEpochDay(longs[row]);
    if (type == ColumnType.DATETIME) return getDateTime(row).toLocalDate();
    throw new IllegalStateException(
        "column '" + name + "' of type " + type.id() + " is not a date");
  }

  public LocalDateTime getDateTime(int row) {
    if (missing.get(row)) return null;
    if (type == ColumnType.DATETIME)
      return LocalDateTime.ofEpochSecond(longs[row], 0, ZoneOffset.UTC);
    if (type == ColumnType.DATE) return LocalDate.ofEpochDay(longs[row]).atStartOfDay();
    throw new IllegalStateException(
        "column '" + name + "' of type " + type.id() + " is not a date");
  }

  /** The value as text in a canonical form (ISO dates, plain numbers), or null when missing. */
  public String getString(int row) {
    if (missing.get(row)) return null;
    switch (type) {
      case CATEGORICAL:
      case TEXT:
        return strings[row];
      case INTEGER:
        return Long.toString(longs[row]);
      case DECIMAL:
        return formatDecimal(doubles[row]);
      case BOOLEAN:
        return longs[row] != 0 ? "true" : "false";
      case DATE:
        return LocalDate.ofEpochDay(longs[row]).toString();
      case DATETIME:
        return LocalDateTime.ofEpochSecond(longs[row], 0, ZoneOffset.UTC).toString();
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * A copy of this column with every string value replaced through {@code f} (string types only).
   */
  public Column mapStrings(java.util.function.UnaryOperator<String> f) {
    if (strings == null) throw new IllegalStateException("column '" + name + "' holds no strings");
    String[] out = new String[size];
    for (int i = 0; i < size; i++) out[i] = strings[i] == null ? null : f.apply(strings[i]);
    return new Column(name, type, null, null, out, (BitSet) missing.clone(), size);
  }

  /** The same values under another name. */
  public Column rename(String newName) {
    return new Column(newName, type, longs, doubles, strings, missing, size);
  }

  static String formatDecimal(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
    return Double.toString(d);
  }
}
