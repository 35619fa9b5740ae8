package io.marketlens.ml.lab.image;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link ImageTrainerTest}: loads a model, predicts the t10k images of an IDX
 * folder and writes each probability's float bits, one image per line.
 */
public final class PredictBitsMain {

  private PredictBitsMain() {}

  /** {@code MODEL_DIR IDX_DIR OUT_FILE}. */
  public static void main(String[] args) throws Exception {
    ImageSet test = ImageData.forTraining(Path.of(args[1]), 0.2, 42).test();
    try (ImageClassifier c =
        ImageClassifier.load(ModelStore.load(Path.of(args[0])), new RunOptions(1, "cpu", 1000))) {
      Files.write(
          Path.of(args[2]), lines(c.probabilities(test, ImageTrainer.EVAL_BATCH, Progress.NONE)));
    }
  }

  static List<String> lines(float[][] probs) {
    List<String> out = new ArrayList<>();
    for (float[] row : probs) {
      StringBuilder sb = new StringBuilder();
      for (float v : row) sb.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ');
      out.add(sb.toString().trim());
    }
    return out;
  }
}
