/**
 * Forecasting of market series: automatic ETS, Theta and the dynamic optimised Theta, their
 * combination, seasonal naive baselines, rolling-origin backtests and prediction intervals; the
 * entry point is {@link io.marketlens.market.forecast.Forecaster}.
 */
package io.marketlens.market.forecast;
