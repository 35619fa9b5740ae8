package io.marketlens.bench.lab;

import java.io.PrintStream;

/** {@code bench lab} parts {@code gru} and {@code lstm}. (Being written.) */
final class CharRnnBench implements LabBenchPart {

  private final String cell;

  CharRnnBench(String cell) {
    this.cell = cell;
  }

  @Override
  public String name() {
    return cell;
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) {
    throw new UnsupportedOperationException(cell + ": not written yet");
  }
}
