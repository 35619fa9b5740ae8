package io.marketlens.market.forecast;

import java.util.Objects;

/**
 * One candidate method's forecast of a series, fitted on all of its values.
 *
 * @param method the method
 * @param model the fitted model with its parameters, e.g. {@code ETS(M,Ad,N) alpha=0.61 ...}
 * @param point the point forecasts, one per step (a copy is kept and returned)
 */
public record CandidateForecast(ForecastMethod method, String model, double[] point) {

  public CandidateForecast {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(model, "model");
    point = point.clone();
  }

  @Override
  public double[] point() {
    return point.clone();
  }
}
