package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code marketlens train text}. (Being written.) */
@Command(name = "text", mixinStandardHelpOptions = true, description = "Train a text model.")
final class TrainTextCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new NotAvailableException("train text");
  }
}
