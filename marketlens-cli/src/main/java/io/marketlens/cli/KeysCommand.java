package io.marketlens.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code marketlens keys}: manages API keys for the server. Not available yet; exits 2 saying so.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage API keys for the server (not available yet).")
final class KeysCommand implements Callable<Integer> {

  @Unmatched java.util.List<String> args;

  @Override
  public Integer call() {
    throw new NotAvailableException("keys");
  }
}
