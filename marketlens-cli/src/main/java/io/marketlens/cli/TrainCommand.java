package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens train tabular|image|textgen|text}: the model lab. Not available yet; exits 2.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train a model: tabular, image, textgen or text (not available yet).")
final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TASK", description = "tabular, image, textgen or text")
  String task;

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("train " + task);
  }
}
