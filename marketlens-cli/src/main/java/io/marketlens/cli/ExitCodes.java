package io.marketlens.cli;

/** The exit codes of DESIGN.md §4.1. */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL_FAULT = 1;
  static final int BAD_INPUT = 2;

  private ExitCodes() {}
}
