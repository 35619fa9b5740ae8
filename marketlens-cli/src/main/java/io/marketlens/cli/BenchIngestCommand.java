package io.marketlens.cli;

import io.marketlens.bench.IngestBenchmark;
import io.marketlens.bench.IngestOptions;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens bench ingest}: rows per second reading the Online Retail file and a generated
 * CSV, beside {@code pandas.read_csv} on the same files in the same run.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description =
        "Rows/s of our reader beside pandas.read_csv on Online Retail and a generated CSV.")
final class BenchIngestCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "The shared datasets folder (holds online_retail/).")
  Path data;

  @Option(
      names = "--rows",
      defaultValue = "5000000",
      description = "Rows of the generated CSV (default: ${DEFAULT-VALUE}).")
  long rows;

  @Option(
      names = "--python",
      defaultValue = IngestOptions.DEFAULT_PYTHON,
      description = "Python with pandas (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(
      names = "--repeat",
      defaultValue = "3",
      description = "Timed runs per file and side (default: ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--work", description = "Keep the generated CSV here and reuse it next time.")
  Path work;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed of the generated CSV (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    IngestOptions options = new IngestOptions(data, rows, python, repeat, work, seed, true);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    IngestBenchmark.run(options, out, System.err);
    out.flush();
    return ExitCodes.OK;
  }
}
