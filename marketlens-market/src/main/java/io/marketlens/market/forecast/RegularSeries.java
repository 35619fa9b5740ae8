package io.marketlens.market.forecast;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A series on a regular time grid, assembled from long-format rows by {@link SeriesAssembler}: one
 * value per step from the first time to the last, gaps filled as the {@link GapPolicy} said.
 *
 * @param id the series id
 * @param frequency the detected frequency; its {@link Frequency#period() period} is the seasonal
 *     period to forecast with
 * @param start the first time, as a date (for {@link Frequency#STEPS}, the step number as an epoch
 *     day)
 * @param values the values, one per step (a copy is kept and returned)
 * @param filled the times (written as in {@link #times()}) whose values were interpolated
 */
public record RegularSeries(
    String id, Frequency frequency, LocalDate start, double[] values, List<String> filled) {

  public RegularSeries {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(start, "start");
    values = values.clone();
    filled = List.copyOf(filled);
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The number of values. */
  public int length() {
    return values.length;
  }

  /** The times of the values, written like {@code 2024-07} (monthly) or {@code 2024-Q3}. */
  public List<String> times() {
    List<String> out = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) out.add(frequency.format(frequency.plus(start, i)));
    return out;
  }

  /** The {@code h} times after the last value, for labelling forecasts. */
  public List<String> futureTimes(int h) {
    List<String> out = new ArrayList<>(h);
    for (int i = 0; i < h; i++) {
      out.add(frequency.format(frequency.plus(start, values.length + i)));
    }
    return out;
  }
}
