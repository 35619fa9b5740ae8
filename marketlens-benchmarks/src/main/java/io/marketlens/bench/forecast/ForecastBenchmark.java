package io.marketlens.bench.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.bench.forecast.ForecastBenchReport.Figures;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.market.forecast.CandidateForecast;
import io.marketlens.market.forecast.ForecastAccuracy;
import io.marketlens.market.forecast.ForecastMethod;
import io.marketlens.market.forecast.ForecastOptions;
import io.marketlens.market.forecast.ForecastResult;
import io.marketlens.market.forecast.Forecaster;
import io.marketlens.market.forecast.MethodScore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code marketlens bench forecast}: our automatic forecaster on the M3 competition data, beside
 * the THETA forecasts submitted to M3 and the statsmodels peer, in one run.
 *
 * <p>Workload: every series of the subset is forecast from its training values for the M3 horizon
 * (yearly 6, quarterly 8, monthly 18, other 8) with the seasonal period of its frequency (1, 4, 12,
 * 1). Ours is {@code Forecaster.forecastAll} with the default options (automatic ETS, Theta and
 * DOTM, their mean, a 3-origin backtest against the seasonal naive baseline) on {@code --threads}
 * workers, timed after an untimed warm-up on the first 100 series; naive and seasonal naive are
 * forecast afterwards, untimed. The peer is {@code shared/peers/forecast_m3.py} (statsmodels
 * seasonal naive, ETS with a 4-form AIC search, ThetaModel) with {@code --threads} worker
 * processes, run afterwards in the same invocation with {@code OMP_WAIT_POLICY=PASSIVE}.
 *
 * <p>Scores follow the M3 conventions of the datasets README: per series, sMAPE = mean {@code 200|y
 * - f| / (|y| + |f|)} and MASE = mean {@code |y - f|} over the in-sample mean absolute difference
 * at lag = frequency; both averaged over series. The published THETA forecasts ({@code
 * m3_original_forecasts.csv}) are scored with the same code as a check (monthly 13.89, all 12.76).
 * Besides our default ("auto", the mean combination), the table shows each method, the median
 * combination and the rule "choose the lowest backtest MASE", all from the same fits. Coverage is
 * the share of hold-out values inside the automatic 80% and 95% intervals.
 *
 * <p>Run it as {@code marketlens bench forecast --data ../shared/datasets/m3 --subset monthly}.
 * Stdout gets the table and, last, one JSON line with every figure; progress goes to stderr. Not to
 * be run twice at once in one JVM: the timings would disturb each other.
 */
public final class ForecastBenchmark {

  static final int WARM_UP_SERIES = 100;

  /** The published THETA sMAPE per subset, as scored in the datasets README, §5. */
  static final Map<String, Double> PUBLISHED_THETA =
      Map.of("yearly", 16.97, "quarterly", 8.96, "monthly", 13.89, "other", 4.41, "all", 12.76);

  private ForecastBenchmark() {}

  /**
   * Runs the benchmark and prints its table and JSON line to {@code out}, progress to {@code err}.
   *
   * @return every figure printed
   * @throws InvalidInputException when the M3 files are not under {@code options.data()}
   * @throws UncheckedIOException when they cannot be read
   */
  public static ForecastBenchReport run(
      ForecastBenchOptions options, PrintStream out, PrintStream err) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Path folder = M3Data.folder(options.data());
    try {
      List<M3Data.Series> series = M3Data.read(folder, options.subset());
      Map<String, double[]> theta = M3Data.original(folder, "THETA", series);
      ForecastBenchReport report = measure(options, folder, series, theta, err);
      print(out, report);
      out.println(report.toJson());
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the M3 data in " + folder, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("forecast benchmark interrupted", e);
    }
  }

  private static ForecastBenchReport measure(
      ForecastBenchOptions o,
      Path folder,
      List<M3Data.Series> series,
      Map<String, double[]> theta,
      PrintStream err)
      throws InterruptedException {
    int n = series.size();
    err.printf(
        Locale.ROOT,
        "[forecast] M3 %s: %,d series; Java %s, %d cores, %d threads%n",
        o.subset(),
        n,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        o.threads());
    forecast(series.subList(0, Math.min(WARM_UP_SERIES, n)), o.threads(), null);
    err.println("[forecast] warm-up done; timing our automatic pipeline");
    long t0 = System.nanoTime();
    Map<String, ForecastResult> auto = forecast(series, o.threads(), null);
    double seconds = (System.nanoTime() - t0) / 1e9;
    err.printf(Locale.ROOT, "[forecast] marketlens: %.2f s, %.1f series/s%n", seconds, n / seconds);
    Map<String, ForecastResult> naive =
        forecast(series, o.threads(), List.of(ForecastMethod.NAIVE, ForecastMethod.SEASONAL_NAIVE));

    Scores scores = new Scores();
    double[] covered = new double[2];
    long points = 0;
    Map<String, Integer> forms = new TreeMap<>();
    for (M3Data.Series s : series) {
      ForecastResult r = auto.get(s.id());
      scores.add("auto", s, r.point());
      for (CandidateForecast c : r.candidates()) scores.add(name(c.method()), s, c.point());
      scores.add("combination-median", s, median(r.candidates()));
      scores.add("backtest-choice", s, backtestChoice(r));
      ForecastResult b = naive.get(s.id());
      scores.add("naive", s, b.candidate(ForecastMethod.NAIVE).point());
      scores.add("snaive", s, b.candidate(ForecastMethod.SEASONAL_NAIVE).point());
      scores.add("published THETA", s, theta.get(s.id()));
      double[] y = s.test();
      for (int i = 0; i < y.length; i++) {
        if (y[i] >= r.lo80()[i] && y[i] <= r.hi80()[i]) covered[0]++;
        if (y[i] >= r.lo95()[i] && y[i] <= r.hi95()[i]) covered[1]++;
      }
      points += y.length;
      String ets = r.candidate(ForecastMethod.ETS).model();
      forms.merge(
          ets.contains(")") ? ets.substring(0, ets.indexOf(')') + 1) : ets, 1, Integer::sum);
    }

    ForecastBenchReport.Peer peer = null;
    String note = null;
    if (o.runPeer()) {
      Path script =
          o.peerScript() != null ? o.peerScript() : defaultScript(folder.toAbsolutePath());
      err.println("[forecast] running the statsmodels peer: " + script + " (minutes)");
      try {
        StatsmodelsPeer.Result p =
            StatsmodelsPeer.run(o.python(), script, folder, o.subset(), o.threads(), err);
        peer = peer(p.json());
      } catch (io.marketlens.bench.PythonRun.UnavailableException e) {
        note = "statsmodels peer did not run: " + e.getMessage();
        err.println("[forecast] " + note);
      }
    } else {
      note = "statsmodels peer not run (runPeer = false)";
    }
    List<Figures> ours = new ArrayList<>();
    for (String m :
        List.of(
            "auto",
            "ets",
            "theta",
            "dotm",
            "combination-median",
            "backtest-choice",
            "naive",
            "snaive")) {
      ours.add(scores.figures(m));
    }
    return new ForecastBenchReport(
        o.subset(),
        n,
        o.threads(),
        ours,
        seconds,
        n / seconds,
        covered[0] / points,
        covered[1] / points,
        points,
        scores.figures("published THETA"),
        PUBLISHED_THETA.get(o.subset()),
        forms,
        peer,
        note);
  }

  /** Forecasts the series, grouped by frequency and horizon, with the default or given methods. */
  private static Map<String, ForecastResult> forecast(
      List<M3Data.Series> series, int threads, List<ForecastMethod> methods) {
    Map<String, Map<String, double[]>> groups = new LinkedHashMap<>();
    Map<String, int[]> shape = new HashMap<>();
    for (M3Data.Series s : series) {
      String key = s.frequency() + "/" + s.horizon();
      groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(s.id(), s.train());
      shape.put(key, new int[] {s.frequency(), s.horizon()});
    }
    Map<String, ForecastResult> out = new HashMap<>();
    for (Map.Entry<String, Map<String, double[]>> g : groups.entrySet()) {
      int[] fh = shape.get(g.getKey());
      ForecastOptions opt = ForecastOptions.defaults(fh[1]).withPeriod(fh[0]).withThreads(threads);
      if (methods != null) opt = opt.withMethods(methods).withBacktestOrigins(0);
      out.putAll(Forecaster.forecastAll(g.getValue(), opt));
    }
    return out;
  }

  private static String name(ForecastMethod m) {
    return m == ForecastMethod.COMBINATION ? "combination-mean" : m.id();
  }

  /** The median of the base candidates' forecasts (the combination left out). */
  private static double[] median(List<CandidateForecast> candidates) {
    List<double[]> base = new ArrayList<>();
    for (CandidateForecast c : candidates) {
      if (c.method() != ForecastMethod.COMBINATION) base.add(c.point());
    }
    int h = base.get(0).length;
    double[] out = new double[h];
    double[] v = new double[base.size()];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < v.length; j++) v[j] = base.get(j)[i];
      Arrays.sort(v);
      int k = v.length;
      out[i] = k % 2 == 1 ? v[k / 2] : 0.5 * (v[k / 2 - 1] + v[k / 2]);
    }
    return out;
  }

  /** The candidate (or combination) with the lowest backtest MASE: the other selection rule. */
  private static double[] backtestChoice(ForecastResult r) {
    CandidateForecast best = r.candidate(ForecastMethod.COMBINATION);
    double bestMase = Double.POSITIVE_INFINITY;
    for (CandidateForecast c : r.candidates()) {
      MethodScore s = r.score(c.method());
      if (s != null && s.mase() < bestMase) {
        bestMase = s.mase();
        best = c;
      }
    }
    return best.point();
  }

  private static Path defaultScript(Path m3Folder) {
    Path datasets = m3Folder.getParent();
    Path root = datasets == null ? null : datasets.getParent();
    return (root == null ? Path.of("peers") : root.resolve("peers")).resolve("forecast_m3.py");
  }

  private static ForecastBenchReport.Peer peer(JsonNode j) {
    List<Figures> methods = new ArrayList<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String m : List.of("snaive", "ets", "theta")) {
      JsonNode f = j.path(m);
      methods.add(new Figures(m, f.path("smape").asDouble(), f.path("mase").asDouble()));
      seconds.put(m, f.path("s_per_series").asDouble());
    }
    double wall = j.path("wall_s").asDouble();
    int n = j.path("n_series").asInt();
    return new ForecastBenchReport.Peer(
        methods,
        seconds,
        wall,
        wall > 0 ? n / wall : 0,
        j.path("published_THETA_smape_check").asDouble(),
        j.path("statsmodels").asText());
  }

  private static void print(PrintStream out, ForecastBenchReport r) {
    out.printf(
        Locale.ROOT,
        "M3 %s: %,d series, %,d hold-out values; marketlens %d threads, statsmodels %d worker"
            + " processes%n",
        r.subset(),
        r.series(),
        r.testPoints(),
        r.threads(),
        r.threads());
    out.printf(Locale.ROOT, "%-44s %8s %8s %12s%n", "method", "sMAPE", "MASE", "series/s");
    for (Figures f : r.ours()) {
      String label =
          switch (f.method()) {
            case "auto" -> "marketlens auto (mean of ETS, Theta, DOTM)";
            case "backtest-choice" -> "marketlens rule: lowest backtest MASE";
            case "combination-median" -> "marketlens rule: median of the three";
            default -> "marketlens " + f.method();
          };
      String speed =
          f.method().equals("auto")
              ? String.format(Locale.ROOT, "%12.1f", r.ourSeriesPerSecond())
              : "";
      out.printf(Locale.ROOT, "%-44s %8.2f %8.3f %s%n", label, f.smape(), f.mase(), speed);
    }
    Figures t = r.publishedTheta();
    out.printf(
        Locale.ROOT,
        "%-44s %8.2f %8.3f   (check: README %.2f, %s)%n",
        "published THETA (M3 submission)",
        t.smape(),
        t.mase(),
        r.publishedThetaExpected(),
        Math.abs(t.smape() - r.publishedThetaExpected()) < 0.005 ? "ok" : "MISMATCH");
    if (r.peer() != null) {
      ForecastBenchReport.Peer p = r.peer();
      for (Figures f : p.methods()) {
        double s = p.secondsPerSeries().getOrDefault(f.method(), 0.0);
        out.printf(
            Locale.ROOT,
            "%-44s %8.2f %8.3f %12s%n",
            "statsmodels " + f.method(),
            f.smape(),
            f.mase(),
            s > 0 ? String.format(Locale.ROOT, "%.1f/core", 1 / s) : "");
      }
      out.printf(
          Locale.ROOT,
          "%-44s %8s %8s %12.1f%n",
          "statsmodels whole run (" + p.statsmodels() + ")",
          "",
          "",
          p.seriesPerSecond());
      out.printf(
          Locale.ROOT,
          "speed: marketlens %.1f series/s (%.2f s) vs statsmodels %.1f series/s (%.1f s):"
              + " %.1fx%n",
          r.ourSeriesPerSecond(),
          r.ourSeconds(),
          p.seriesPerSecond(),
          p.wallSeconds(),
          r.speedRatio());
    } else {
      out.println(r.peerNote());
    }
    out.printf(
        Locale.ROOT,
        "interval coverage (auto) on %,d hold-out values: 80%% -> %.1f%%, 95%% -> %.1f%%%n",
        r.testPoints(),
        100 * r.coverage80(),
        100 * r.coverage95());
  }

  /** Per-series sMAPE and MASE sums, averaged over series at the end. */
  private static final class Scores {
    private final Map<String, double[]> sums = new LinkedHashMap<>();

    void add(String method, M3Data.Series s, double[] f) {
      double[] v = sums.computeIfAbsent(method, k -> new double[3]);
      v[0] += ForecastAccuracy.smape(s.test(), f);
      v[1] += ForecastAccuracy.mase(s.test(), f, s.train(), s.frequency());
      v[2]++;
    }

    Figures figures(String method) {
      double[] v = sums.get(method);
      return new Figures(method, v[0] / v[2], v[1] / v[2]);
    }
  }
}
