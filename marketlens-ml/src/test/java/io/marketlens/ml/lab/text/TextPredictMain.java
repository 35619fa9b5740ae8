package io.marketlens.ml.lab.text;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a fresh JVM by {@link TextTrainerTest}: loads a saved text model, predicts the texts of a
 * file and writes each probability's bits as hex, one text per line.
 */
public final class TextPredictMain {

  private TextPredictMain() {}

  /** {@code MODEL_DIR DATA OUT}. */
  public static void main(String[] args) throws Exception {
    ModelStore.SavedModel model = ModelStore.load(Path.of(args[0]));
    TextColumns columns = ModelStore.convert(model.metadata().inputSchema(), TextColumns.class);
    TextRows rows = TextReader.read(Path.of(args[1]), columns, true, Progress.NONE);
    float[][] p =
        TextFamily.INSTANCE.probabilities(model, rows.texts(), new RunOptions(1, "cpu", 256));
    Files.write(Path.of(args[2]), bits(p), StandardCharsets.UTF_8);
  }

  static List<String> bits(float[][] p) {
    List<String> lines = new ArrayList<>();
    for (float[] row : p) {
      StringBuilder sb = new StringBuilder();
      for (float v : row) sb.append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ');
      lines.add(sb.toString().trim());
    }
    return lines;
  }
}
