package io.marketlens.market.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The sampling frequency of a regular series, with the seasonal period it implies and how its times
 * are written.
 */
public enum Frequency {
  /** One value a day; weekly season (period 7). */
  DAILY(7),
  /** One value a week; yearly season (period 52). */
  WEEKLY(52),
  /** One value a month; yearly season (period 12). */
  MONTHLY(12),
  /** One value a quarter; yearly season (period 4). */
  QUARTERLY(4),
  /** One value a year; no season. */
  YEARLY(1),
  /** Numbered steps (1, 2, 3, ...) with no calendar; no season. */
  STEPS(1);

  private final int period;

  Frequency(int period) {
    this.period = period;
  }

  /** The seasonal period to forecast with (1 = none). */
  public int period() {
    return period;
  }

  /**
   * The time {@code steps} steps after {@code start} (a date, or a step number as a date's epoch
   * day).
   */
  LocalDate plus(LocalDate start, long steps) {
    return switch (this) {
      case DAILY, STEPS -> start.plusDays(steps);
      case WEEKLY -> start.plusDays(7 * steps);
      case MONTHLY -> start.plusMonths(steps);
      case QUARTERLY -> start.plusMonths(3 * steps);
      case YEARLY -> start.plusYears(steps);
    };
  }

  /**
   * The number of whole steps from {@code a} to {@code b}, or -1 when {@code b} is off the grid.
   */
  long stepsBetween(LocalDate a, LocalDate b) {
    long k =
        switch (this) {
          case DAILY, STEPS -> ChronoUnit.DAYS.between(a, b);
          case WEEKLY -> ChronoUnit.DAYS.between(a, b) / 7;
          case MONTHLY -> ChronoUnit.MONTHS.between(a, b);
          case QUARTERLY -> ChronoUnit.MONTHS.between(a, b) / 3;
          case YEARLY -> ChronoUnit.YEARS.between(a, b);
        };
    return k >= 0 && plus(a, k).equals(b) ? k : -1;
  }

  /**
   * How a time is written: {@code 2024}, {@code 2024-Q3}, {@code 2024-07}, {@code 2024-07-15},
   * {@code 17}.
   */
  String format(LocalDate t) {
    return switch (this) {
      case YEARLY -> Integer.toString(t.getYear());
      case QUARTERLY ->
          String.format(Locale.ROOT, "%d-Q%d", t.getYear(), (t.getMonthValue() - 1) / 3 + 1);
      case MONTHLY -> String.format(Locale.ROOT, "%d-%02d", t.getYear(), t.getMonthValue());
      case DAILY, WEEKLY -> t.toString();
      case STEPS -> Long.toString(t.toEpochDay());
    };
  }
}
