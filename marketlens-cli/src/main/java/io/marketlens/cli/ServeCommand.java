package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens serve}: serves the trained models over HTTP. Not available yet; exits 2 saying
 * so.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve trained models over HTTP (not available yet).")
final class ServeCommand implements Callable<Integer> {

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("serve");
  }
}
