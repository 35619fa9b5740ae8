package io.marketlens.market.forecast;

import java.util.List;
import java.util.Objects;

/**
 * The forecast of one series: the chosen method and model, point forecasts with 80% and 95%
 * prediction intervals, and the backtest that stands behind the choice, beside the seasonal naive
 * baseline.
 *
 * <p>The arrays have one entry per step ahead; the record keeps copies and returns copies, so its
 * arrays cannot be changed from outside (record equality compares them by identity, as always for
 * arrays).
 *
 * @param series the series id ({@code "series"} when none was given)
 * @param method the chosen method
 * @param model the fitted model with its parameters, e.g. {@code mean of [ETS(M,Ad,N) alpha=0.61
 *     beta=0.01 phi=0.98; Theta(theta=2) ...; DOTM ...]}
 * @param period the seasonal period used (1 when not seasonal)
 * @param seasonal whether the series was treated as seasonal
 * @param point the point forecasts
 * @param lo80 lower bounds of the 80% prediction intervals
 * @param hi80 upper bounds of the 80% prediction intervals
 * @param lo95 lower bounds of the 95% prediction intervals
 * @param hi95 upper bounds of the 95% prediction intervals
 * @param backtest every candidate's backtest score, the combination's and the baseline's; empty
 *     when the series is too short for a backtest
 * @param baseline the seasonal naive backtest score; null when there is no backtest
 * @param skill the chosen method's skill score {@code 1 - MASE / MASE_snaive} in the backtest; 0
 *     when there is no backtest
 * @param candidates every candidate's forecast (and the combination's)
 * @param notes the fallbacks applied and why, in plain words; empty when none
 */
public record ForecastResult(
    String series,
    ForecastMethod method,
    String model,
    int period,
    boolean seasonal,
    double[] point,
    double[] lo80,
    double[] hi80,
    double[] lo95,
    double[] hi95,
    List<MethodScore> backtest,
    MethodScore baseline,
    double skill,
    List<CandidateForecast> candidates,
    List<String> notes) {

  public ForecastResult {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(model, "model");
    point = point.clone();
    lo80 = lo80.clone();
    hi80 = hi80.clone();
    lo95 = lo95.clone();
    hi95 = hi95.clone();
    backtest = List.copyOf(backtest);
    candidates = List.copyOf(candidates);
    notes = List.copyOf(notes);
  }

  /** The number of steps forecast. */
  public int horizon() {
    return point.length;
  }

  /** The backtest score of {@code m}, or null when it was not scored. */
  public MethodScore score(ForecastMethod m) {
    for (MethodScore s : backtest) if (s.method() == m) return s;
    return null;
  }

  /** The forecast of candidate {@code m}, or null when it was not a candidate. */
  public CandidateForecast candidate(ForecastMethod m) {
    for (CandidateForecast c : candidates) if (c.method() == m) return c;
    return null;
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] lo80() {
    return lo80.clone();
  }

  @Override
  public double[] hi80() {
    return hi80.clone();
  }

  @Override
  public double[] lo95() {
    return lo95.clone();
  }

  @Override
  public double[] hi95() {
    return hi95.clone();
  }
}
