package io.marketlens.cli;

/** A subcommand whose capability has not landed yet; exits 2 with a message saying so. */
final class NotAvailableException extends RuntimeException {

  NotAvailableException(String command) {
    super("'marketlens " + command + "' is not available yet in this version of Marketlens");
  }
}
