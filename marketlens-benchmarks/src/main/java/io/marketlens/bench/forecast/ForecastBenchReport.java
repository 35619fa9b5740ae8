package io.marketlens.bench.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every figure {@link ForecastBenchmark} printed: accuracy per method, speed and interval coverage
 * for ours; the published Theta forecasts scored in the same run; the statsmodels peer's figures.
 *
 * @param subset the M3 subset
 * @param series the number of series
 * @param threads our worker threads (and the peer's worker processes)
 * @param ours accuracy of our methods and selection rules; {@code auto} is what {@code Forecaster}
 *     returns with default options
 * @param ourSeconds wall time of our whole automatic pipeline on all series (after a warm-up)
 * @param ourSeriesPerSecond {@code series / ourSeconds}
 * @param coverage80 the share of hold-out values inside the automatic 80% intervals
 * @param coverage95 the share inside the 95% intervals
 * @param testPoints the number of hold-out values
 * @param publishedTheta the THETA forecasts submitted to M3, scored here
 * @param publishedThetaExpected the published THETA sMAPE of the datasets README for this subset
 * @param etsForms how often each ETS form was chosen
 * @param peer the statsmodels peer's figures, or null when it did not run
 * @param peerNote why the peer did not run, or null
 */
public record ForecastBenchReport(
    String subset,
    int series,
    int threads,
    List<Figures> ours,
    double ourSeconds,
    double ourSeriesPerSecond,
    double coverage80,
    double coverage95,
    long testPoints,
    Figures publishedTheta,
    double publishedThetaExpected,
    Map<String, Integer> etsForms,
    Peer peer,
    String peerNote) {

  public ForecastBenchReport {
    ours = List.copyOf(ours);
    etsForms = Map.copyOf(etsForms);
  }

  /** sMAPE and MASE of one method, averaged over series (M3 conventions). */
  public record Figures(String method, double smape, double mase) {}

  /**
   * The statsmodels peer's figures.
   *
   * @param methods its methods' accuracy (snaive, ets, theta)
   * @param secondsPerSeries its per-method time of one series on one worker process
   * @param wallSeconds its whole run as it reported it
   * @param seriesPerSecond {@code series / wallSeconds}
   * @param publishedThetaCheck its own scoring of the published THETA forecasts
   * @param statsmodels its statsmodels version
   */
  public record Peer(
      List<Figures> methods,
      Map<String, Double> secondsPerSeries,
      double wallSeconds,
      double seriesPerSecond,
      double publishedThetaCheck,
      String statsmodels) {

    public Peer {
      methods = List.copyOf(methods);
      secondsPerSeries = Map.copyOf(secondsPerSeries);
    }
  }

  /** Our series per second over the peer's; NaN without the peer. */
  public double speedRatio() {
    return peer == null ? Double.NaN : ourSeriesPerSecond / peer.seriesPerSecond();
  }

  /** The figure of our method or rule {@code name}, or null. */
  public Figures ours(String name) {
    for (Figures f : ours) if (f.method().equals(name)) return f;
    return null;
  }

  /** One JSON object with every figure (the benchmark's last stdout line). */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("benchmark", "forecast");
    m.put("dataset", "M3");
    m.put("subset", subset);
    m.put("series", series);
    m.put("threads", threads);
    Map<String, Object> o = new LinkedHashMap<>();
    for (Figures f : ours) o.put(f.method(), figures(f));
    m.put("marketlens", o);
    m.put("marketlensSeconds", round(ourSeconds, 3));
    m.put("marketlensSeriesPerSecond", round(ourSeriesPerSecond, 2));
    m.put("coverage80", round(coverage80, 4));
    m.put("coverage95", round(coverage95, 4));
    m.put("testPoints", testPoints);
    m.put("publishedTheta", figures(publishedTheta));
    m.put("publishedThetaExpectedSmape", publishedThetaExpected);
    m.put("etsForms", new java.util.TreeMap<>(etsForms));
    if (peer != null) {
      Map<String, Object> p = new LinkedHashMap<>();
      for (Figures f : peer.methods()) p.put(f.method(), figures(f));
      p.put("secondsPerSeries", new java.util.TreeMap<>(peer.secondsPerSeries()));
      p.put("wallSeconds", peer.wallSeconds());
      p.put("seriesPerSecond", round(peer.seriesPerSecond(), 3));
      p.put("publishedThetaCheck", peer.publishedThetaCheck());
      p.put("statsmodels", peer.statsmodels());
      m.put("statsmodels", p);
      m.put("speedRatio", round(speedRatio(), 2));
    } else {
      m.put("statsmodels", null);
      m.put("peerNote", peerNote);
    }
    try {
      return new ObjectMapper().writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static Map<String, Object> figures(Figures f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("smape", round(f.smape(), 4));
    m.put("mase", round(f.mase(), 4));
    return m;
  }

  private static double round(double v, int digits) {
    if (!Double.isFinite(v)) return v;
    double s = Math.pow(10, digits);
    return Math.round(v * s) / s;
  }
}
