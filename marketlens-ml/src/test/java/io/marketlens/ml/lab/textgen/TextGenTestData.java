package io.marketlens.ml.lab.textgen;

import io.marketlens.ml.lab.TrainConfig;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The committed corpus slice and tiny settings the textgen tests train with. */
final class TextGenTestData {

  private TextGenTestData() {}

  /** The first ~20 KB of Tiny Shakespeare (see the README beside it). */
  static Path corpus() {
    try {
      return Path.of(
          TextGenTestData.class.getResource("/lab/textgen/tiny_shakespeare_20k.txt").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A tiny model: windows of 16, hidden 16, embedding 8, 4 validation batches. */
  static TextGenOptions tiny(String arch, String level) {
    return new TextGenOptions(arch, level, 16, 16, 8, 2, 4);
  }

  /** {@code epochs} epochs of {@code steps} steps of 8 windows, Adam 1e-2, one thread, CPU. */
  static TrainConfig loop(int epochs, int steps) {
    return io.marketlens.ml.lab.textgen.TextGenFamily.defaults().toBuilder()
        .epochs(epochs)
        .stepsPerEpoch(steps)
        .batchSize(8)
        .learningRate(1e-2)
        .threads(1)
        .device("cpu")
        .build();
  }
}
