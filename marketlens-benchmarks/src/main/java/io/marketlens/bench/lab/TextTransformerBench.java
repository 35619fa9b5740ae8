package io.marketlens.bench.lab;

import java.io.PrintStream;

/** {@code bench lab} part {@code transformer}. (Being written.) */
final class TextTransformerBench implements LabBenchPart {

  @Override
  public String name() {
    return "transformer";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) {
    throw new UnsupportedOperationException("transformer: not written yet");
  }
}
