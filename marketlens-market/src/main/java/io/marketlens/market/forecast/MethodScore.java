package io.marketlens.market.forecast;

import java.util.Objects;

/**
 * One method's rolling-origin backtest accuracy on a series' training data.
 *
 * @param method the method
 * @param smape the mean sMAPE over the origins (percent)
 * @param mase the mean MASE over the origins
 * @param skill {@code 1 - mase / mase_snaive}: above 0 when the method beats the seasonal naive
 *     baseline (0 when both are exact, -1 when only the baseline is)
 * @param origins the number of origins scored
 */
public record MethodScore(
    ForecastMethod method, double smape, double mase, double skill, int origins) {

  public MethodScore {
    Objects.requireNonNull(method, "method");
  }
}
