package io.marketlens.cli;

import io.marketlens.bench.forecast.ForecastBenchOptions;
import io.marketlens.bench.forecast.ForecastBenchmark;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens bench forecast}: sMAPE, MASE and series per second on the M3 competition,
 * beside the published Theta and the statsmodels peer run in the same invocation.
 */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description =
        "M3 forecasting accuracy and speed beside published Theta and the statsmodels peer.")
final class BenchForecastCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "The m3 folder (or the shared datasets folder holding it).")
  Path data;

  @Option(
      names = "--subset",
      defaultValue = "monthly",
      description = "monthly, quarterly, yearly, other or all (default: ${DEFAULT-VALUE}).")
  String subset;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description =
          "Threads for ours and worker processes for the peer (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--python",
      defaultValue = ForecastBenchOptions.DEFAULT_PYTHON,
      description = "Python with statsmodels (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--no-peer", description = "Do not run the statsmodels peer.")
  boolean noPeer;

  @Option(
      names = "--peer-script",
      description = "forecast_m3.py (default: peers/ beside the datasets folder).")
  Path peerScript;

  @Override
  public Integer call() {
    ForecastBenchOptions options =
        new ForecastBenchOptions(data, subset, threads, python, !noPeer, peerScript);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    ForecastBenchmark.run(options, out, System.err);
    out.flush();
    return ExitCodes.OK;
  }
}
