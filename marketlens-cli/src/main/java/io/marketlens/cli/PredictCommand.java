package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens predict}: predicts with a trained model. Not available yet; exits 2 saying so.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predict with a trained model (not available yet).")
final class PredictCommand implements Callable<Integer> {

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("predict");
  }
}
