package io.marketlens.ml.lab;

/**
 * How to run a saved model for evaluation or prediction.
 *
 * @param threads PyTorch intra-op threads ({@code <= 0}: the engine default)
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param batchSize rows per forward pass
 */
public record RunOptions(int threads, String device, int batchSize) {

  public RunOptions {
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
    if (device == null) device = "auto";
  }

  /** All cores the engine wants, any device, batches of 1,024. */
  public static RunOptions defaults() {
    return new RunOptions(-1, "auto", 1024);
  }
}
