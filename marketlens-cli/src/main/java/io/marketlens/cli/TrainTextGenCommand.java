package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code marketlens train textgen}. (Being written.) */
@Command(name = "textgen", mixinStandardHelpOptions = true, description = "Train a textgen model.")
final class TrainTextGenCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new NotAvailableException("train textgen");
  }
}
