package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code marketlens train tabular}. (Being written.) */
@Command(name = "tabular", mixinStandardHelpOptions = true, description = "Train a tabular model.")
final class TrainTabularCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new NotAvailableException("train tabular");
  }
}
