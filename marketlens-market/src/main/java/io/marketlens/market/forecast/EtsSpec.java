package io.marketlens.market.forecast;

/**
 * The form of an exponential smoothing state space model: error, trend and season types, and the
 * seasonal period, in the taxonomy of Hyndman, Koehler, Ord and Snyder (2008), <i>Forecasting with
 * Exponential Smoothing: the State Space Approach</i>, Springer, Table 2.1 (multiplicative trends
 * left out, as the {@code forecast} package does by default).
 *
 * @param error additive or multiplicative errors
 * @param trend none, additive or additive damped
 * @param season none, additive or multiplicative
 * @param period the seasonal period m; 1 when {@code season} is {@link Season#NONE}
 */
record EtsSpec(Error error, Trend trend, Season season, int period) {

  /** The error type. */
  enum Error {
    ADDITIVE("A"),
    MULTIPLICATIVE("M");

    final String code;

    Error(String code) {
      this.code = code;
    }
  }

  /** The trend type. */
  enum Trend {
    NONE("N"),
    ADDITIVE("A"),
    DAMPED("Ad");

    final String code;

    Trend(String code) {
      this.code = code;
    }
  }

  /** The season type. */
  enum Season {
    NONE("N"),
    ADDITIVE("A"),
    MULTIPLICATIVE("M");

    final String code;

    Season(String code) {
      this.code = code;
    }
  }

  EtsSpec {
    if (season == Season.NONE) period = 1;
    if (period < 1 || (season != Season.NONE && period < 2)) {
      throw new IllegalArgumentException("seasonal period must be at least 2, found " + period);
    }
    if (error == Error.ADDITIVE && season == Season.MULTIPLICATIVE) {
      // Numerically unstable (division by states near zero) and without usable interval formulas;
      // forecast::ets leaves it out by default too ("restrict = TRUE").
      throw new IllegalArgumentException("ETS(A,*,M) is not supported");
    }
  }

  /** A non-seasonal form. */
  static EtsSpec of(Error error, Trend trend) {
    return new EtsSpec(error, trend, Season.NONE, 1);
  }

  boolean hasTrend() {
    return trend != Trend.NONE;
  }

  boolean damped() {
    return trend == Trend.DAMPED;
  }

  boolean seasonal() {
    return season != Season.NONE;
  }

  /** True when the model needs strictly positive data (a multiplicative error or season). */
  boolean needsPositiveData() {
    return error == Error.MULTIPLICATIVE || season == Season.MULTIPLICATIVE;
  }

  /** The number of smoothing parameters: alpha, then beta, gamma and phi where present. */
  int smoothingParameters() {
    return 1 + (hasTrend() ? 1 : 0) + (seasonal() ? 1 : 0) + (damped() ? 1 : 0);
  }

  /** The number of free initial states: level, trend where present, m - 1 seasonal states. */
  int initialStates() {
    return 1 + (hasTrend() ? 1 : 0) + (seasonal() ? period - 1 : 0);
  }

  /** The usual label, e.g. {@code ETS(M,Ad,M)}. */
  String label() {
    return "ETS(" + error.code + "," + trend.code + "," + season.code + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
