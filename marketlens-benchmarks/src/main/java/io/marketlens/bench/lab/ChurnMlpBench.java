package io.marketlens.bench.lab;

import java.io.PrintStream;

/** {@code bench lab} part {@code churn}. (Being written.) */
final class ChurnMlpBench implements LabBenchPart {

  @Override
  public String name() {
    return "churn";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) {
    throw new UnsupportedOperationException("churn: not written yet");
  }
}
