package io.marketlens.market.forecast;

import io.marketlens.core.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The forecasting entry point: fits the candidate methods to each series, combines them, backtests
 * them by rolling origin against the seasonal naive baseline, and returns point forecasts with 80%
 * and 95% prediction intervals.
 *
 * <p>Usage: {@code ForecastResult r = Forecaster.forecast("sales", values,
 * ForecastOptions.defaults(12).withPeriod(12));} or, for many series at once, {@code
 * Forecaster.forecastAll(seriesById, options)}.
 *
 * <p>The default ("auto") answer is the mean of automatic ETS, standard Theta and the dynamic
 * optimised Theta, each fitted on the training values only; {@link
 * ForecastOptions.Selection#BACKTEST} picks the best backtest MASE instead. Bad inputs: fewer than
 * 3 values or a value that is not finite raise {@link
 * io.marketlens.core.validate.InvalidInputException}; shorter than two seasons, constant, or
 * not-all-positive series get the stated fallbacks listed in {@link ForecastResult#notes()}.
 *
 * <p>Thread-safe and deterministic: results depend only on the values and the options, never on the
 * thread count or the order in which workers finish.
 */
public final class Forecaster {

  private Forecaster() {}

  /** Forecasts one series named {@code "series"}. */
  public static ForecastResult forecast(double[] values, ForecastOptions options) {
    return forecast("series", values, options);
  }

  /**
   * Forecasts one series.
   *
   * @throws io.marketlens.core.validate.InvalidInputException when the series has fewer than 3
   *     values or a value that is not finite
   */
  public static ForecastResult forecast(String id, double[] values, ForecastOptions options) {
    Objects.requireNonNull(options, "options");
    return new SeriesForecast(id == null ? "series" : id, values, options, new MethodRunner())
        .run();
  }

  /**
   * Forecasts many series with {@code options.threads()} workers (a fork-join pool of its own).
   *
   * @return the results by series id, in the map's iteration order
   * @throws io.marketlens.core.validate.InvalidInputException for the first series (in the map's
   *     order) that is not valid
   */
  public static Map<String, ForecastResult> forecastAll(
      Map<String, double[]> series, ForecastOptions options) {
    return forecastAll(series, options, Progress.NONE);
  }

  /** {@link #forecastAll(Map, ForecastOptions)}, reporting each series done to {@code progress}. */
  public static Map<String, ForecastResult> forecastAll(
      Map<String, double[]> series, ForecastOptions options, Progress progress) {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(options, "options");
    List<String> ids = new ArrayList<>(series.keySet());
    List<double[]> values = new ArrayList<>(series.values());
    List<ForecastResult> results;
    try (Progress.Step step = progress.start("forecast", ids.size(), "series")) {
      results = runAll(ids, values, options, step);
    }
    Map<String, ForecastResult> out = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) out.put(ids.get(i), results.get(i));
    return out;
  }

  private static List<ForecastResult> runAll(
      List<String> ids, List<double[]> values, ForecastOptions o, Progress.Step step) {
    IntStream range = IntStream.range(0, ids.size());
    if (o.threads() == 1 || ids.size() < 2) {
      return range.mapToObj(i -> one(ids.get(i), values.get(i), o, step)).toList();
    }
    ForkJoinPool pool = new ForkJoinPool(o.threads());
    try {
      return pool.submit(
              () ->
                  range.parallel().mapToObj(i -> one(ids.get(i), values.get(i), o, step)).toList())
          .get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("forecasting interrupted", e);
    } finally {
      pool.shutdown();
    }
  }

  private static ForecastResult one(String id, double[] y, ForecastOptions o, Progress.Step step) {
    ForecastResult r = new SeriesForecast(id, y, o, new MethodRunner()).run();
    synchronized (step) {
      step.advance(1);
    }
    return r;
  }
}
