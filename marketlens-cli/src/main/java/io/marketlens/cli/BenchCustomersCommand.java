package io.marketlens.cli;

import io.marketlens.bench.customers.CustomersBenchOptions;
import io.marketlens.bench.customers.CustomersBenchmark;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens bench customers}: RFM features and k-means on Online Retail and on 1,000,000 ×
 * 8 points, beside pandas + scikit-learn ({@code peers/rfm_kmeans.py}) in the same run.
 */
@Command(
    name = "customers",
    mixinStandardHelpOptions = true,
    description =
        "RFM features and k-means beside pandas + scikit-learn (rfm_kmeans.py) in the same run.")
final class BenchCustomersCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "The shared datasets folder (holds online_retail/).")
  Path data;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Threads, ours and the peer's (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--scale-rows",
      defaultValue = "1000000",
      description = "Rows of the 8-column scale case (default: ${DEFAULT-VALUE}).")
  int scaleRows;

  @Option(
      names = "--repeat",
      defaultValue = "5",
      description = "Timed runs after the first (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(
      names = "--python",
      defaultValue = CustomersBenchOptions.DEFAULT_PYTHON,
      description = "Python with pandas and scikit-learn (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--no-peer", description = "Do not run the scikit-learn peer.")
  boolean noPeer;

  @Option(
      names = "--peer-script",
      description = "rfm_kmeans.py (default: peers/ beside the datasets folder).")
  Path peerScript;

  @Override
  public Integer call() {
    CustomersBenchOptions options =
        new CustomersBenchOptions(
            data, seed, threads, scaleRows, repeats, python, !noPeer, peerScript, !noPeer, true);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    CustomersBenchmark.run(options, out, System.err);
    out.flush();
    return ExitCodes.OK;
  }
}
