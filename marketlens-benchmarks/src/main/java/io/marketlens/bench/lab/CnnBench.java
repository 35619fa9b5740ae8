package io.marketlens.bench.lab;

import java.io.PrintStream;

/** {@code bench lab} part {@code cnn}. (Being written.) */
final class CnnBench implements LabBenchPart {

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) {
    throw new UnsupportedOperationException("cnn: not written yet");
  }
}
