package io.marketlens.market.forecast;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reader of the time of a long-format row: a year ({@code 2024}), a quarter ({@code 2024-Q3},
 * {@code 2024Q3}), a month ({@code 2024-07}, {@code 2024/7}), a date ({@code 2024-07-15}, also with
 * a time of day after {@code T} or a space, which is ignored) or a step number ({@code 17}).
 *
 * <p>Stateless and thread-safe.
 */
final class TimeParser {

  /** The kind of time a string holds. */
  enum Shape {
    YEAR,
    QUARTER,
    MONTH,
    DATE,
    STEP
  }

  /** A parsed time; a step number k is held as the date with epoch day k. */
  record Parsed(LocalDate date, Shape shape) {}

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})[-/ ]?[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})[-/](\\d{1,2})");
  private static final Pattern DATE =
      Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T ].*)?");
  private static final Pattern STEP = Pattern.compile("-?\\d{1,9}");

  private TimeParser() {}

  /** The parsed time, or null when {@code s} is none of the accepted forms. */
  static Parsed parse(String s) {
    if (s == null) return null;
    String t = s.strip();
    try {
      Matcher m;
      if ((m = YEAR.matcher(t)).matches()) {
        return new Parsed(LocalDate.of(Integer.parseInt(m.group(1)), 1, 1), Shape.YEAR);
      }
      if ((m = QUARTER.matcher(t)).matches()) {
        int q = Integer.parseInt(m.group(2));
        return new Parsed(
            LocalDate.of(Integer.parseInt(m.group(1)), 3 * (q - 1) + 1, 1), Shape.QUARTER);
      }
      if ((m = MONTH.matcher(t)).matches()) {
        return new Parsed(
            LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1),
            Shape.MONTH);
      }
      if ((m = DATE.matcher(t)).matches()) {
        return new Parsed(
            LocalDate.of(
                Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))),
            Shape.DATE);
      }
      if (STEP.matcher(t).matches()) {
        return new Parsed(LocalDate.ofEpochDay(Long.parseLong(t)), Shape.STEP);
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }
}
