package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens evaluate}: prints a trained model's metrics on a data file. Not available yet;
 * exits 2 saying so.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Evaluate a trained model on a data file (not available yet).")
final class EvaluateCommand implements Callable<Integer> {

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("evaluate");
  }
}
