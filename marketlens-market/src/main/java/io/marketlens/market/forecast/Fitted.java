package io.marketlens.market.forecast;

/**
 * One method fitted on a window of a series, with its forecast.
 *
 * @param method the method asked for
 * @param model what was fitted, with parameters
 * @param prediction the forecast of the next steps
 * @param ets the ETS model when {@code method} is ETS and one was fitted, else null (it warm-starts
 *     the backtest refits)
 * @param fallback why a simpler method stood in, or null when none did
 */
record Fitted(
    ForecastMethod method, String model, Prediction prediction, EtsModel ets, String fallback) {}
