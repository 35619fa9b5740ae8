package io.marketlens.market.forecast;

import io.marketlens.core.validate.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The assembler of long-format rows (time, series id, value) into regular series: it reads the
 * times, detects the frequency, puts each series on its time grid and fills or refuses the gaps.
 *
 * <p>Frequency: years, quarters, months and step numbers say it themselves; for dates it is the
 * most common distance between consecutive dates, in months when every date is the first (or every
 * date the last) day of its month (1 = monthly, 3 = quarterly, 12 = yearly), else in days (1 =
 * daily, 7 = weekly). Each series runs from its own first to its own last time. A time missing
 * inside a series, or a NaN value, is a gap: filled by linear interpolation between the nearest
 * observed values ({@link GapPolicy#INTERPOLATE}, reported in {@link RegularSeries#filled()}) or
 * refused ({@link GapPolicy#FAIL}); a series more than half gaps is always refused.
 *
 * <p>Errors name the row as its 1-based position in the input lists. Stateless and thread-safe.
 */
public final class SeriesAssembler {

  private static final int MAX_LENGTH = 10_000_000;

  private SeriesAssembler() {}

  /**
   * Assembles the rows into regular series, in the order in which their ids first appear.
   *
   * @param times the time of each row
   * @param ids the series id of each row; null when all rows are one series (named {@code
   *     "series"})
   * @param values the value of each row (NaN = missing)
   * @throws InvalidInputException when a time cannot be read, the times mix forms, the frequency is
   *     not regular, a series has the same time twice, a time is off the grid, or a gap is refused
   */
  public static List<RegularSeries> assemble(
      List<String> times, List<String> ids, double[] values, GapPolicy gaps) {
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(gaps, "gaps");
    if (times.size() != values.length || (ids != null && ids.size() != values.length)) {
      throw InvalidInputException.usage(
          "as many times and ids as values",
          times.size()
              + " times, "
              + (ids == null ? "no" : ids.size())
              + " ids, "
              + values.length
              + " values");
    }
    TimeParser.Parsed[] parsed = parseAll(times);
    Map<String, List<Integer>> rowsById = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      String id = ids == null || ids.get(i) == null ? "series" : ids.get(i);
      rowsById.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
    }
    Frequency f = frequency(parsed, rowsById);
    List<RegularSeries> out = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : rowsById.entrySet()) {
      out.add(grid(e.getKey(), e.getValue(), parsed, values, f, gaps));
    }
    return out;
  }

  private static TimeParser.Parsed[] parseAll(List<String> times) {
    TimeParser.Parsed[] p = new TimeParser.Parsed[times.size()];
    boolean steps = false;
    for (int i = 0; i < p.length; i++) {
      p[i] = TimeParser.parse(times.get(i));
      if (p[i] == null) {
        throw InvalidInputException.in(null)
            .row(i + 1)
            .column("time")
            .expected("a date (2024-07-15), month (2024-07), quarter (2024-Q3), year or step")
            .found(String.valueOf(times.get(i)))
            .build();
      }
      steps |= p[i].shape() == TimeParser.Shape.STEP;
    }
    for (int i = 0; i < p.length; i++) {
      TimeParser.Parsed q = p[i];
      if (steps && q.shape() == TimeParser.Shape.YEAR) {
        // Four-digit numbers among step numbers are steps too.
        p[i] =
            new TimeParser.Parsed(LocalDate.ofEpochDay(q.date().getYear()), TimeParser.Shape.STEP);
      }
      if (p[i].shape() != p[0].shape()) {
        throw InvalidInputException.in(null)
            .row(i + 1)
            .column("time")
            .expected(
                "the same form of time as row 1 ("
                    + p[0].shape().name().toLowerCase(Locale.ROOT)
                    + ")")
            .found(times.get(i))
            .build();
      }
    }
    return p;
  }

  private static Frequency frequency(TimeParser.Parsed[] p, Map<String, List<Integer>> rowsById) {
    if (p.length == 0) return Frequency.STEPS;
    switch (p[0].shape()) {
      case YEAR:
        return Frequency.YEARLY;
      case QUARTER:
        return Frequency.QUARTERLY;
      case MONTH:
        return Frequency.MONTHLY;
      case STEP:
        return Frequency.STEPS;
      default:
        break;
    }
    boolean first = true;
    boolean last = true;
    for (TimeParser.Parsed q : p) {
      first &= q.date().getDayOfMonth() == 1;
      last &= q.date().getDayOfMonth() == q.date().lengthOfMonth();
    }
    boolean months = first || last;
    if (months) {
      for (int i = 0; i < p.length; i++) {
        p[i] = new TimeParser.Parsed(p[i].date().withDayOfMonth(1), p[i].shape());
      }
    }
    Map<Long, Integer> counts = new HashMap<>();
    for (List<Integer> rows : rowsById.values()) {
      long[] t = new long[rows.size()];
      for (int i = 0; i < t.length; i++) {
        LocalDate d = p[rows.get(i)].date();
        t[i] = months ? d.getYear() * 12L + d.getMonthValue() : d.toEpochDay();
      }
      Arrays.sort(t);
      for (int i = 1; i < t.length; i++) {
        if (t[i] > t[i - 1]) counts.merge(t[i] - t[i - 1], 1, Integer::sum);
      }
    }
    long mode = 0;
    int best = 0;
    for (Map.Entry<Long, Integer> c : counts.entrySet()) {
      if (c.getValue() > best || (c.getValue() == best && c.getKey() < mode)) {
        best = c.getValue();
        mode = c.getKey();
      }
    }
    if (months && (mode == 1 || mode == 3 || mode == 12)) {
      return mode == 1 ? Frequency.MONTHLY : mode == 3 ? Frequency.QUARTERLY : Frequency.YEARLY;
    }
    if (!months && (mode == 1 || mode == 7)) return mode == 1 ? Frequency.DAILY : Frequency.WEEKLY;
    if (mode == 0) return months ? Frequency.MONTHLY : Frequency.DAILY;
    throw InvalidInputException.in(null)
        .column("time")
        .expected("a regular frequency: daily, weekly, monthly, quarterly or yearly")
        .found("most common step " + mode + (months ? " months" : " days"))
        .build();
  }

  private static RegularSeries grid(
      String id,
      List<Integer> rows,
      TimeParser.Parsed[] p,
      double[] values,
      Frequency f,
      GapPolicy gaps) {
    LocalDate start = p[rows.get(0)].date();
    for (int r : rows) if (p[r].date().isBefore(start)) start = p[r].date();
    int[] at = new int[rows.size()];
    int length = 0;
    for (int i = 0; i < at.length; i++) {
      int r = rows.get(i);
      long k = f.stepsBetween(start, p[r].date());
      if (k < 0 || k >= MAX_LENGTH) {
        throw InvalidInputException.in(null)
            .row(r + 1)
            .column("time")
            .key(id)
            .expected(
                "a time on the "
                    + f.name().toLowerCase(Locale.ROOT)
                    + " grid from "
                    + f.format(start))
            .found(p[r].date().toString())
            .build();
      }
      at[i] = (int) k;
      length = Math.max(length, at[i] + 1);
    }
    double[] y = new double[length];
    int[] rowAt = new int[length];
    Arrays.fill(y, Double.NaN);
    Arrays.fill(rowAt, -1);
    for (int i = 0; i < at.length; i++) {
      int r = rows.get(i);
      if (rowAt[at[i]] >= 0) {
        throw InvalidInputException.in(null)
            .row(r + 1)
            .column("time")
            .key(id)
            .expected("each time once per series")
            .found(
                f.format(f.plus(start, at[i])) + " again (first at row " + (rowAt[at[i]] + 1) + ")")
            .build();
      }
      rowAt[at[i]] = r;
      y[at[i]] = values[r];
    }
    // NaN values at the ends are not gaps: the series starts and ends at its observed values.
    int from = 0;
    int to = length;
    while (from < to && !Double.isFinite(y[from])) from++;
    while (to > from && !Double.isFinite(y[to - 1])) to--;
    if (from == to) {
      throw InvalidInputException.in(null)
          .key(id)
          .column("value")
          .expected("at least one value")
          .found("only missing values")
          .build();
    }
    double[] kept = Arrays.copyOfRange(y, from, to);
    LocalDate first = f.plus(start, from);
    List<String> filled = fill(id, kept, first, f, gaps);
    return new RegularSeries(id, f, first, kept, filled);
  }

  private static List<String> fill(
      String id, double[] y, LocalDate start, Frequency f, GapPolicy gaps) {
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < y.length; i++) if (!Double.isFinite(y[i])) missing.add(i);
    if (missing.isEmpty()) return List.of();
    String firstGap = f.format(f.plus(start, missing.get(0)));
    if (gaps == GapPolicy.FAIL || 2 * missing.size() > y.length) {
      throw InvalidInputException.in(null)
          .key(id)
          .column("time")
          .expected(
              gaps == GapPolicy.FAIL
                  ? "no gaps"
                  : "at most half of the times missing (gaps filled)")
          .found(missing.size() + " of " + y.length + " times missing, the first " + firstGap)
          .hint(gaps == GapPolicy.FAIL ? "fill the gaps or interpolate them" : null)
          .build();
    }
    List<String> filled = new ArrayList<>();
    int prev = -1;
    for (int i = 0; i < y.length; i++) {
      if (Double.isFinite(y[i])) {
        prev = i;
        continue;
      }
      int next = i + 1;
      while (!Double.isFinite(y[next])) next++;
      // The first and last values are observed (see grid), so prev and next exist.
      double w = (double) (i - prev) / (next - prev);
      y[i] = y[prev] + w * (y[next] - y[prev]);
      filled.add(f.format(f.plus(start, i)));
    }
    return filled;
  }
}
