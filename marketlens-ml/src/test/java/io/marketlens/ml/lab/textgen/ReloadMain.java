package io.marketlens.ml.lab.textgen;

import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.nio.file.Path;

/**
 * Run in a fresh JVM by {@link NewProcessReloadTest}: loads a saved model and prints its recomputed
 * validation loss and the logits of a fixed prompt as raw bits, one value per line.
 */
public final class ReloadMain {

  private ReloadMain() {}

  /** {@code ReloadMain MODEL_DIR CORPUS PROMPT}. */
  public static void main(String[] args) {
    ModelStore.SavedModel saved = ModelStore.load(Path.of(args[0]));
    RunOptions run = new RunOptions(1, "cpu", 64);
    System.out.println(bits(saved, Path.of(args[1]), args[2], run));
  }

  /** The validation loss and the prompt's logits, as raw bits on separate lines. */
  static String bits(ModelStore.SavedModel saved, Path corpus, String prompt, RunOptions run) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        Long.toHexString(
            Double.doubleToRawLongBits(TextGenFamily.validationLoss(saved, corpus, run))));
    try (LanguageModel m = TextGenFamily.load(saved, run)) {
      int[] ids = m.vocabulary().encode(m.vocabulary().level().tokenize(prompt));
      for (float f : m.logits(ids))
        sb.append('\n').append(Integer.toHexString(Float.floatToRawIntBits(f)));
    }
    return sb.toString();
  }
}
