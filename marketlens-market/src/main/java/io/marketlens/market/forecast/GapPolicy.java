package io.marketlens.market.forecast;

/** The rule {@link SeriesAssembler} applies to a missing time (or a NaN value) inside a series. */
public enum GapPolicy {
  /**
   * Fill it by linear interpolation between the nearest observed values on either side, and list
   * the filled times in {@link RegularSeries#filled()}.
   */
  INTERPOLATE,
  /** Refuse the series with an {@link io.marketlens.core.validate.InvalidInputException}. */
  FAIL
}
