package io.marketlens.core.io;

import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.InvalidInputException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;

/**
 * Turns the raw cells of one column into a typed {@link Column}, by the rules documented on {@link
 * TableReader}: a declared type wins and every value must fit it; otherwise the first non-missing
 * value picks a candidate (number, yes/no word, date) that every other value must confirm, and
 * strings are the fallback.
 *
 * <p>Not thread-safe; columns are converted in parallel, each by its own converter.
 */
final class ColumnConverter {

  private static final String[][] BOOLEAN_PAIRS = {
    {"Yes", "No"},
    {"yes", "no"},
    {"Y", "N"},
    {"true", "false"},
    {"True", "False"},
    {"TRUE", "FALSE"}
  };

  /** A column that turns out not numeric only after this many rows gets a warning saying where. */
  private static final int FALLBACK_NOTE_ROWS = 10;

  private static final String[] TRUE_WORDS = {"yes", "y", "true", "t", "1"};
  private static final String[] FALSE_WORDS = {"no", "n", "false", "f", "0"};

  private final Cells cells;
  private final NumberParser numbers = new NumberParser();
  private String fallbackNote;

  ColumnConverter(Cells cells) {
    this.cells = cells;
  }

  /**
   * Converts the column.
   *
   * @param declared the type from {@code types}, or null to infer it
   * @param datePattern the pattern from {@code dateFormats}, or null
   */
  Column convert(ColumnType declared, String datePattern) {
    DateConverter dates = new DateConverter(cells);
    boolean dateType = declared == ColumnType.DATE || declared == ColumnType.DATETIME;
    if (datePattern != null && (declared == null || dateType)) {
      return dates.withPattern(datePattern, declared);
    }
    if (declared != null) return declared(declared, dates);
    int first = cells.nextPresent(0);
    if (first == cells.size()) {
      return Column.ofStrings(cells.name, ColumnType.TEXT, new String[first], cells.missing());
    }
    char[] d = cells.data();
    cells.trim(first);
    Column c = null;
    if (numbers.parseDouble(d, cells.ts, cells.te)
        || NumberParser.isNonFinite(d, cells.ts, cells.te)) {
      c = numeric(false);
    } else if (pairOf() != null) {
      c = booleans(pairOf());
    } else if (dates.looksLikeDate(first)) {
      c = dates.infer(null);
    }
    return c != null ? c : strings(null);
  }

  private Column declared(ColumnType type, DateConverter dates) {
    switch (type) {
      case INTEGER:
        return declaredIntegers();
      case DECIMAL:
        return numeric(true, type);
      case BOOLEAN:
        return anyBooleans();
      case DATE:
      case DATETIME:
        return dates.infer(type);
      default:
        return strings(type);
    }
  }

  private Column numeric(boolean declared) {
    return numeric(declared, null);
  }

  /** INTEGER while every value is a long, then DECIMAL; null when a value is not a number. */
  private Column numeric(boolean declared, ColumnType type) {
    int n = cells.size();
    char[] d = cells.data();
    long[] longs = new long[n];
    int i = cells.nextPresent(0);
    if (type != ColumnType.DECIMAL) {
      for (; i < n; i = cells.nextPresent(i + 1)) {
        if (!numbers.parseLong(d, cells.ts, cells.te)) break;
        longs[i] = numbers.longValue();
      }
      if (i >= n) return integers(longs, declared);
    }
    double[] doubles = new double[n];
    for (int k = 0; k < i; k++) doubles[k] = longs[k];
    int nonFinite = -1;
    for (; i < n; i = cells.nextPresent(i + 1)) {
      if (numbers.parseDouble(d, cells.ts, cells.te)) {
        doubles[i] = numbers.doubleValue();
      } else if (NumberParser.isNonFinite(d, cells.ts, cells.te)) {
        if (nonFinite < 0) nonFinite = i;
      } else if (declared) {
        throw notA(i, "a number");
      } else {
        if (i < FALLBACK_NOTE_ROWS) return null;
        fallbackNote =
            String.format(
                Locale.ROOT,
                "numbers until row %d, which holds '%s'",
                cells.rows.row(i),
                cells.text(i));
        return null;
      }
    }
    if (nonFinite >= 0) {
      throw cells
          .error(nonFinite)
          .expected("a finite number")
          .hint("remove infinite values, or list the token in missingTokens to read it as missing")
          .build();
    }
    return Column.ofDoubles(cells.name, doubles, cells.missing());
  }

  /** A declared INTEGER: whole numbers, also when written as decimals ({@code 17850.0}). */
  private Column declaredIntegers() {
    int n = cells.size();
    char[] d = cells.data();
    long[] longs = new long[n];
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      if (numbers.parseLong(d, cells.ts, cells.te)) {
        longs[i] = numbers.longValue();
      } else if (numbers.parseDouble(d, cells.ts, cells.te)
          && numbers.doubleValue() == Math.rint(numbers.doubleValue())
          && Math.abs(numbers.doubleValue()) < 9.0e18) {
        longs[i] = (long) numbers.doubleValue();
      } else {
        throw notA(i, "an integer");
      }
    }
    return Column.ofLongs(cells.name, ColumnType.INTEGER, longs, cells.missing());
  }

  /** BOOLEAN for a column of only 0 and 1 (both present), else INTEGER. */
  private Column integers(long[] longs, boolean declared) {
    boolean zero = false;
    boolean one = false;
    boolean other = false;
    for (int i = cells.nextPresent(0); i < longs.length && !other; i = cells.nextPresent(i + 1)) {
      if (longs[i] == 0) zero = true;
      else if (longs[i] == 1) one = true;
      else other = true;
    }
    ColumnType type = !declared && zero && one && !other ? ColumnType.BOOLEAN : ColumnType.INTEGER;
    return Column.ofLongs(cells.name, type, longs, cells.missing());
  }

  /** The yes/no pair the last trimmed value belongs to, or null. */
  private String[] pairOf() {
    for (String[] p : BOOLEAN_PAIRS)
      if (cells.trimmedEquals(p[0]) || cells.trimmedEquals(p[1])) return p;
    return null;
  }

  /** BOOLEAN when every value is one of {@code pair}, else null. */
  private Column booleans(String[] pair) {
    int n = cells.size();
    long[] values = new long[n];
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      if (cells.trimmedEquals(pair[0])) values[i] = 1;
      else if (!cells.trimmedEquals(pair[1])) return null;
    }
    return Column.ofLongs(cells.name, ColumnType.BOOLEAN, values, cells.missing());
  }

  /** A declared BOOLEAN: any yes/no, y/n, true/false, t/f or 1/0 word, in any case. */
  private Column anyBooleans() {
    int n = cells.size();
    long[] values = new long[n];
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      String v = cells.text(i).toLowerCase(Locale.ROOT);
      if (contains(TRUE_WORDS, v)) values[i] = 1;
      else if (!contains(FALSE_WORDS, v))
        throw notA(i, "a yes/no value (yes, no, true, false, 1, 0)");
    }
    return Column.ofLongs(cells.name, ColumnType.BOOLEAN, values, cells.missing());
  }

  /**
   * CATEGORICAL when the values are short on average (under 40 characters) and few (at most max(20,
   * 5% of rows) distinct), else TEXT. Values keep their spaces; equal values share one string.
   */
  private Column strings(ColumnType declared) {
    int n = cells.size();
    char[] d = cells.data();
    long chars = 0;
    long present = 0;
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      chars += cells.end(i) - cells.start(i);
      present++;
    }
    boolean text =
        declared == ColumnType.TEXT || (declared == null && present > 0 && chars >= 40 * present);
    int limit = declared == ColumnType.CATEGORICAL ? Integer.MAX_VALUE : categoricalLimit(n);
    StringPool pool = text ? null : new StringPool(limit);
    String[] out = new String[n];
    int prevS = 0;
    int prevE = -1;
    String prev = null;
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      int s = cells.start(i);
      int e = cells.end(i);
      // Sorted or grouped exports repeat values row after row: reuse the previous string.
      if (pool != null && e - s == prevE - prevS && Arrays.equals(d, s, e, d, prevS, prevE)) {
        out[i] = prev;
        continue;
      }
      String v = pool == null ? null : pool.intern(d, s, e);
      if (v == null) {
        pool = null;
        text = true;
        v = new String(d, s, e - s);
      }
      out[i] = v;
      prevS = s;
      prevE = e;
      prev = v;
    }
    ColumnType type = text ? ColumnType.TEXT : ColumnType.CATEGORICAL;
    if (fallbackNote != null) cells.warn(fallbackNote + "; read as " + type.id());
    return Column.ofStrings(cells.name, type, out, cells.missing());
  }

  /**
   * A CATEGORICAL or TEXT column of already-built strings (from Parquet), by the same rule as
   * {@link #strings(ColumnType)}; null elements are missing.
   */
  static Column strings(String name, String[] values, BitSet missing) {
    long chars = 0;
    long present = 0;
    for (String v : values) {
      if (v == null) continue;
      chars += v.length();
      present++;
    }
    boolean text = present > 0 && chars >= 40 * present;
    StringPool pool = new StringPool(categoricalLimit(values.length));
    for (int i = 0; i < values.length && !text; i++) {
      String v = values[i] == null ? null : pool.intern(values[i]);
      if (values[i] != null && v == null) text = true;
      else values[i] = v;
    }
    return Column.ofStrings(name, text ? ColumnType.TEXT : ColumnType.CATEGORICAL, values, missing);
  }

  /** The most distinct values a categorical column of {@code rows} rows may have. */
  static int categoricalLimit(int rows) {
    return Math.max(20, rows / 20);
  }

  private InvalidInputException notA(int i, String expected) {
    return cells
        .error(i)
        .expected(expected + " (the column is declared so in types)")
        .hint("fix the value, list it in missingTokens, or change the column's type")
        .build();
  }

  private static boolean contains(String[] words, String v) {
    for (String w : words) if (w.equals(v)) return true;
    return false;
  }
}
