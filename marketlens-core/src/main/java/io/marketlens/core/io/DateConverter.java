package io.marketlens.core.io;

import io.marketlens.core.io.DateShapes.Family;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.validate.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Locale;

/**
 * Converts a column of dates: either in the formats {@link DateShapes} recognises, all in one
 * family, or with an explicit {@link DateTimeFormatter} pattern from {@code dateFormats}. The
 * result is DATETIME when any value has a time of day (date-only values are then midnight), else
 * DATE. Slash dates are day-first when some first number exceeds 12, month-first when some second
 * number does, and month-first (with a warning) when no value tells.
 *
 * <p>Not thread-safe.
 */
final class DateConverter {

  private static final long DAY = 86_400L;

  private final Cells cells;
  private final DateShapes shapes = new DateShapes();

  DateConverter(Cells cells) {
    this.cells = cells;
  }

  /** Whether cell {@code i} is in one of the recognised date formats. */
  boolean looksLikeDate(int i) {
    cells.trim(i);
    return shapes.parse(cells.data(), cells.ts, cells.te) != DateShapes.NONE;
  }

  /**
   * The column as dates, or null when a value is not a date and no date type was declared.
   *
   * @throws InvalidInputException when the values mix two formats, or a declared date is invalid
   */
  Column infer(ColumnType declared) {
    int n = cells.size();
    long[] packed = new long[n];
    int first = cells.nextPresent(0);
    int dayFirstAt = -1;
    int monthFirstAt = -1;
    boolean anyTime = false;
    Family family = null;
    char[] d = cells.data();
    int prevS = 0;
    int prevE = -1;
    long prev = DateShapes.NONE;
    for (int i = first; i < n; i = cells.nextPresent(i + 1)) {
      int s = cells.ts;
      int e = cells.te;
      // Transactions repeat their timestamp on every line of an order: reuse the previous parse.
      boolean same = e - s == prevE - prevS && Arrays.equals(d, s, e, d, prevS, prevE);
      long p = same ? prev : shapes.parse(d, s, e);
      prevS = s;
      prevE = e;
      prev = p;
      if (p == DateShapes.NONE) {
        if (declared != null) throw notADate(i, declared);
        return null;
      }
      Family f = DateShapes.family(p);
      if (family == null) family = f;
      else if (f != family) return mixed(first, i, family.pattern, f.pattern);
      if (f == Family.SLASH && DateShapes.first(p) > 12 && dayFirstAt < 0) dayFirstAt = i;
      if (f == Family.SLASH && DateShapes.second(p) > 12 && monthFirstAt < 0) monthFirstAt = i;
      anyTime |= DateShapes.hasTime(p);
      packed[i] = p;
    }
    if (dayFirstAt >= 0 && monthFirstAt >= 0) {
      int a = Math.min(dayFirstAt, monthFirstAt);
      int b = Math.max(dayFirstAt, monthFirstAt);
      String pa = a == dayFirstAt ? "dd/MM/yyyy" : "MM/dd/yyyy";
      String pb = a == dayFirstAt ? "MM/dd/yyyy" : "dd/MM/yyyy";
      return mixed(a, b, pa, pb);
    }
    if (family == Family.SLASH && dayFirstAt < 0 && monthFirstAt < 0) {
      cells.warn(
          "dates could be dd/MM/yyyy or MM/dd/yyyy; read as MM/dd/yyyy (set dateFormats to"
              + " choose)");
    }
    ColumnType type = declared != null ? declared : anyTime ? ColumnType.DATETIME : ColumnType.DATE;
    boolean dayFirst = dayFirstAt >= 0;
    for (int i = first; i < n; i = cells.nextPresent(i + 1)) {
      long seconds = DateShapes.epochSecond(packed[i], dayFirst);
      if (seconds == Long.MIN_VALUE) {
        if (declared != null) throw notADate(i, declared);
        cells.warn(
            String.format(
                Locale.ROOT,
                "row %d holds '%s', which is not a valid date, so the column is not read as dates",
                cells.rows.row(i),
                cells.text(i)));
        return null;
      }
      packed[i] = type == ColumnType.DATE ? Math.floorDiv(seconds, DAY) : seconds;
    }
    return Column.ofLongs(cells.name, type, packed, cells.missing());
  }

  /** Parses every value with {@code pattern}; a value that does not match is an error. */
  Column withPattern(String pattern, ColumnType declared) {
    DateTimeFormatter format;
    try {
      format = DateTimeFormatter.ofPattern(pattern, Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.in(cells.rows.file())
          .column(cells.name)
          .expected("a date pattern such as dd/MM/yyyy in dateFormats")
          .found(pattern)
          .hint(e.getMessage())
          .build();
    }
    int n = cells.size();
    long[] seconds = new long[n];
    boolean anyTime = false;
    for (int i = cells.nextPresent(0); i < n; i = cells.nextPresent(i + 1)) {
      TemporalAccessor t;
      try {
        t = format.parseBest(cells.text(i), LocalDateTime::from, LocalDate::from, YearMonth::from);
      } catch (DateTimeParseException e) {
        throw cells
            .error(i)
            .expected("a date like '" + pattern + "' (from dateFormats)")
            .hint("fix the value, or change the column's pattern in dateFormats")
            .build();
      }
      if (t instanceof LocalDateTime) {
        seconds[i] = ((LocalDateTime) t).toEpochSecond(ZoneOffset.UTC);
        anyTime = true;
      } else if (t instanceof LocalDate) {
        seconds[i] = ((LocalDate) t).toEpochDay() * DAY;
      } else {
        seconds[i] = ((YearMonth) t).atDay(1).toEpochDay() * DAY;
      }
    }
    ColumnType type = declared != null ? declared : anyTime ? ColumnType.DATETIME : ColumnType.DATE;
    if (type == ColumnType.DATE) {
      for (int i = 0; i < n; i++) seconds[i] = Math.floorDiv(seconds[i], DAY);
    }
    return Column.ofLongs(cells.name, type, seconds, cells.missing());
  }

  /**
   * Fails on dates in two formats when every value is a date; returns null (a string column) when
   * some later value is not a date at all.
   */
  private Column mixed(int firstRow, int switchRow, String before, String after) {
    int n = cells.size();
    for (int i = cells.nextPresent(switchRow); i < n; i = cells.nextPresent(i + 1)) {
      if (!looksLikeDate(i)) return null;
    }
    throw cells
        .error(switchRow)
        .expected(
            String.format(
                Locale.ROOT,
                "dates in one format (%s, as in row %d)",
                before,
                cells.rows.row(firstRow)))
        .hint(
            String.format(
                Locale.ROOT,
                "this row starts %s; make the dates consistent, or set"
                    + " types and dateFormats for this column (types: text keeps them as text)",
                after))
        .build();
  }

  private InvalidInputException notADate(int i, ColumnType declared) {
    return cells
        .error(i)
        .expected(
            "a "
                + declared.id()
                + " such as 2024-01-31"
                + (declared == ColumnType.DATETIME ? " 13:45" : "")
                + " (the column is declared so in types)")
        .hint("fix the value, or set this column's pattern in dateFormats")
        .build();
  }
}
