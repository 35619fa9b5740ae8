package io.marketlens.ml.lab.text;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@code text} task. (Being written.) */
public final class TextFamily implements ModelFamily {

  public static final TextFamily INSTANCE = new TextFamily();

  private TextFamily() {}

  @Override
  public String task() {
    return "text";
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("text: not written yet");
  }

  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("text: not written yet");
  }
}
