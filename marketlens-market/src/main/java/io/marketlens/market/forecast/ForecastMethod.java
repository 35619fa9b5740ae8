package io.marketlens.market.forecast;

import java.util.Locale;

/**
 * A forecasting method that {@link Forecaster} can fit, score by backtest and report.
 *
 * <p>The seasonal methods handle seasonality as follows: {@link #ETS} models it (additive or
 * multiplicative season in the state space model); {@link #THETA} and {@link #OPTIMISED_THETA}
 * forecast the seasonally adjusted series (classical decomposition) and reseasonalise, as the M3
 * Theta method did.
 */
public enum ForecastMethod {
  /** The last value, repeated. */
  NAIVE("naive"),
  /** The value one season earlier, repeated season by season (naive when not seasonal). */
  SEASONAL_NAIVE("snaive"),
  /** Automatic exponential smoothing: the ETS form with the lowest AICc (Hyndman et al. 2008). */
  ETS("ets"),
  /** The standard Theta method: SES with drift (Assimakopoulos and Nikolopoulos 2000). */
  THETA("theta"),
  /** The dynamic optimised Theta model, DOTM (Fiorucci et al. 2016). */
  OPTIMISED_THETA("dotm"),
  /** The mean or median of the other selected methods' forecasts. */
  COMBINATION("combination");

  private final String id;

  ForecastMethod(String id) {
    this.id = id;
  }

  /** The short name used in results and on the command line, e.g. {@code dotm}. */
  public String id() {
    return id;
  }

  /** The method with this short name or enum name (case-insensitive), or null. */
  public static ForecastMethod byId(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (ForecastMethod m : values()) {
      if (m.id.equals(n) || m.name().toLowerCase(Locale.ROOT).equals(n)) return m;
    }
    return null;
  }
}
