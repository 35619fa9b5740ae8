package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code marketlens train image}. (Being written.) */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Train a image model.")
final class TrainImageCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    throw new NotAvailableException("train image");
  }
}
