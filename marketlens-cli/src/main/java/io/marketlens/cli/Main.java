package io.marketlens.cli;

/** Entry point of the {@code marketlens} command: runs it and exits with its exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    System.exit(MarketlensCommand.newCommandLine().execute(args));
  }
}
