package io.marketlens.bench.forecast;

import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link ForecastBenchmark#run} measures and with what.
 *
 * @param data the M3 folder (holding {@code m3_series.csv}) or the shared datasets folder that
 *     holds it as {@code m3/}
 * @param subset {@code monthly} (default), {@code quarterly}, {@code yearly}, {@code other} or
 *     {@code all}
 * @param threads our worker threads and the peer's worker processes, at least 1 (default {@value
 *     #DEFAULT_THREADS})
 * @param python the interpreter that runs the statsmodels peer; null means {@value #DEFAULT_PYTHON}
 *     (Debian's, with {@code python3-statsmodels})
 * @param runPeer whether to run the statsmodels peer in the same invocation (default true; it takes
 *     about 3.5 minutes on the monthly subset)
 * @param peerScript the peer script; null means {@code peers/forecast_m3.py} beside the datasets
 *     folder
 */
public record ForecastBenchOptions(
    Path data, String subset, int threads, Path python, boolean runPeer, Path peerScript) {

  public static final String DEFAULT_PYTHON = "/usr/bin/python3";
  public static final int DEFAULT_THREADS = 2;
  public static final List<String> SUBSETS =
      List.of("monthly", "quarterly", "yearly", "other", "all");

  public ForecastBenchOptions {
    Objects.requireNonNull(data, "data");
    subset = subset == null ? "monthly" : subset.toLowerCase(Locale.ROOT);
    if (!SUBSETS.contains(subset)) {
      throw InvalidInputException.in(null)
          .key("--subset")
          .expected("one of " + String.join(", ", SUBSETS))
          .found(subset)
          .hint(Checks.suggestion(subset, SUBSETS))
          .build();
    }
    if (threads < 1) throw InvalidInputException.usage("--threads of at least 1", "" + threads);
    if (python == null) python = Path.of(DEFAULT_PYTHON);
  }

  /** The defaults for {@code data}: monthly, 2 threads, /usr/bin/python3, with the peer. */
  public static ForecastBenchOptions defaults(Path data) {
    return new ForecastBenchOptions(data, "monthly", DEFAULT_THREADS, null, true, null);
  }

  public ForecastBenchOptions withSubset(String newSubset) {
    return new ForecastBenchOptions(data, newSubset, threads, python, runPeer, peerScript);
  }

  public ForecastBenchOptions withThreads(int newThreads) {
    return new ForecastBenchOptions(data, subset, newThreads, python, runPeer, peerScript);
  }

  public ForecastBenchOptions withPython(Path newPython) {
    return new ForecastBenchOptions(data, subset, threads, newPython, runPeer, peerScript);
  }

  public ForecastBenchOptions withRunPeer(boolean newRunPeer) {
    return new ForecastBenchOptions(data, subset, threads, python, newRunPeer, peerScript);
  }

  public ForecastBenchOptions withPeerScript(Path newPeerScript) {
    return new ForecastBenchOptions(data, subset, threads, python, runPeer, newPeerScript);
  }
}
