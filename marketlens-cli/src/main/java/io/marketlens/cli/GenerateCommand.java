package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens generate}: samples text from a trained language model. Not available yet; exits
 * 2 saying so.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate text from a trained language model (not available yet).")
final class GenerateCommand implements Callable<Integer> {

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("generate");
  }
}
