package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.DataSection;
import io.marketlens.core.project.ProjectFile;
import io.marketlens.core.result.ResultsJson;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.market.forecast.ForecastOptions;
import io.marketlens.market.forecast.ForecastResult;
import io.marketlens.market.forecast.Forecaster;
import io.marketlens.market.forecast.GapPolicy;
import io.marketlens.market.forecast.MethodScore;
import io.marketlens.market.forecast.RegularSeries;
import io.marketlens.market.forecast.SeriesAssembler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Forecasts every series of the {@code market} table and adds {@code market.forecasts[]} to the
 * results: points with 80 % and 95 % intervals, the method and model, the rolling-origin backtest
 * beside the seasonal-naive baseline, and the recent history for the chart.
 */
final class MarketStep implements Capabilities.Step {

  /** Default horizon when the project file gives none: two seasons, at least 6 steps. */
  private static final int MIN_DEFAULT_HORIZON = 6;

  /** History points kept in results.json per series, for the report's chart. */
  private static final int HISTORY_POINTS = 60;

  @Override
  public void run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress) {
    LoadedTable t = tables.get("market");
    DataSection s = t.section();
    List<RegularSeries> series = assemble(t.table(), s);
    String frequency = s.setting("frequency").map(Object::toString).orElse(null);
    int period = frequency == null ? 0 : periodOf(frequency);
    int horizon =
        s.setting("horizon")
            .map(h -> ((Number) h).intValue())
            .orElse(
                Math.max(
                    MIN_DEFAULT_HORIZON,
                    2 * Math.max(1, period == 0 ? series.get(0).frequency().period() : period)));
    ForecastOptions options = ForecastOptions.defaults(horizon);
    if (period > 0) options = options.withPeriod(period);
    Map<String, double[]> values = new LinkedHashMap<>();
    for (RegularSeries r : series) values.put(r.id(), r.values());
    Map<String, ForecastResult> forecasts = Forecaster.forecastAll(values, options, progress);

    ObjectNode market = results.putObject("market");
    market.put("horizon", horizon);
    ArrayNode out = market.putArray("forecasts");
    for (RegularSeries r : series) {
      ForecastResult f = forecasts.get(r.id());
      ObjectNode node = out.addObject();
      node.put("series", r.id());
      node.put("frequency", r.frequency().name().toLowerCase(Locale.ROOT));
      if (frequency != null && !frequency.equals(node.path("frequency").asText())) {
        node.put(
            "frequencyNote",
            "the project file says "
                + frequency
                + "; the times are "
                + node.path("frequency").asText());
      }
      node.put("horizon", horizon);
      node.put("method", f.method().name().toLowerCase(Locale.ROOT));
      node.put("model", f.model());
      node.put("period", f.period());
      node.put("seasonal", f.seasonal());
      history(node, r);
      points(node, r, f, horizon);
      trend(node, r, f, horizon);
      backtest(node, f);
      ArrayNode notes = node.putArray("notes");
      f.notes().forEach(notes::add);
      if (!r.filled().isEmpty())
        notes.add("gaps filled by linear interpolation at " + String.join(", ", r.filled()));
    }
  }

  private static List<RegularSeries> assemble(Table table, DataSection s) {
    Column time = table.column(s.column("time").orElseThrow());
    Column value = table.column(s.column("value").orElseThrow());
    Column id = s.column("series").map(table::column).orElse(null);
    if (!value.type().isNumeric()) {
      throw InvalidInputException.in(table.source())
          .column(value.name())
          .expected("numbers (the market value to forecast)")
          .found(value.type().id() + " values such as '" + firstValue(value) + "'")
          .build();
    }
    List<String> times = new ArrayList<>(table.rowCount());
    List<String> ids = id == null ? null : new ArrayList<>(table.rowCount());
    double[] v = new double[table.rowCount()];
    for (int i = 0; i < table.rowCount(); i++) {
      if (time.isMissing(i)) {
        throw InvalidInputException.in(table.source())
            .row(i + 2)
            .column(time.name())
            .expected("a time")
            .found("a missing value")
            .build();
      }
      times.add(time.getString(i));
      if (ids != null) ids.add(id.isMissing(i) ? "" : id.getString(i));
      v[i] = value.getDouble(i);
    }
    return SeriesAssembler.assemble(times, ids, v, GapPolicy.INTERPOLATE);
  }

  private static void history(ObjectNode node, RegularSeries r) {
    List<String> times = r.times();
    double[] values = r.values();
    ArrayNode h = node.putArray("history");
    for (int i = Math.max(0, values.length - HISTORY_POINTS); i < values.length; i++) {
      h.addObject().put("time", times.get(i)).put("value", values[i]);
    }
  }

  private static void points(ObjectNode node, RegularSeries r, ForecastResult f, int horizon) {
    List<String> future = r.futureTimes(horizon);
    ArrayNode p = node.putArray("points");
    for (int i = 0; i < horizon; i++) {
      p.addObject()
          .put("time", future.get(i))
          .put("value", f.point()[i])
          .put("lo80", f.lo80()[i])
          .put("hi80", f.hi80()[i])
          .put("lo95", f.lo95()[i])
          .put("hi95", f.hi95()[i]);
    }
  }

  /**
   * The direction of the forecast: mean of the next {@code horizon} forecasts against the mean of
   * the last {@code horizon} observations (the same season length, so seasonality cancels for a
   * whole number of seasons).
   */
  private static void trend(ObjectNode node, RegularSeries r, ForecastResult f, int horizon) {
    double[] v = r.values();
    int n = Math.min(horizon, v.length);
    double last = 0;
    for (int i = v.length - n; i < v.length; i++) last += v[i] / n;
    double next = 0;
    for (double p : f.point()) next += p / f.point().length;
    ObjectNode t = node.putObject("trend");
    t.put("periods", n);
    t.put("lastMean", last);
    t.put("forecastMean", next);
    if (last > 0) t.put("growth", next / last - 1);
  }

  private static void backtest(ObjectNode node, ForecastResult f) {
    ObjectNode b = node.putObject("backtest");
    MethodScore chosen = null;
    for (MethodScore m : f.backtest()) if (m.method() == f.method()) chosen = m;
    if (chosen != null) {
      b.put("smape", chosen.smape());
      b.put("mase", chosen.mase());
      b.put("origins", chosen.origins());
    }
    if (f.baseline() != null) {
      b.set("seasonalNaive", ResultsJson.MAPPER.valueToTree(f.baseline()));
      b.put("skill", f.skill());
    }
    b.set("methods", ResultsJson.MAPPER.valueToTree(f.backtest()));
  }

  private static int periodOf(String frequency) {
    return switch (frequency) {
      case "daily" -> 7;
      case "weekly" -> 52;
      case "monthly" -> 12;
      case "quarterly" -> 4;
      default -> 1;
    };
  }

  private static String firstValue(Column c) {
    for (int i = 0; i < c.size(); i++) if (!c.isMissing(i)) return c.getString(i);
    return "";
  }
}
