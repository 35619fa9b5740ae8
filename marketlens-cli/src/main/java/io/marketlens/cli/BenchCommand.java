package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens bench NAME}: the benchmarks, each printing our figure beside its named
 * reference measured in the same run.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a benchmark beside its reference measured in the same run.",
    subcommands = {
      BenchIngestCommand.class,
      BenchForecastCommand.class,
      BenchCustomersCommand.class,
      BenchVocCommand.class,
      BenchLabCommand.class
    })
final class BenchCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "a benchmark that has not landed yet (recsys)")
  String name;

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    if (name == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this),
          "a benchmark name is required: ingest, lab, voc, forecast, customers, recsys");
    }
    throw new NotAvailableException("bench " + name);
  }
}
