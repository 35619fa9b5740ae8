/**
 * The forecasting benchmark: our automatic forecaster on the M3 data beside the published Theta
 * forecasts and the statsmodels peer, in one run.
 */
package io.marketlens.bench.forecast;
