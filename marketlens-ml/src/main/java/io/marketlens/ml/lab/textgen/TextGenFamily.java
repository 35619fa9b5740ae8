package io.marketlens.ml.lab.textgen;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@code textgen} task. (Being written.) */
public final class TextGenFamily implements ModelFamily {

  public static final TextGenFamily INSTANCE = new TextGenFamily();

  private TextGenFamily() {}

  @Override
  public String task() {
    return "textgen";
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("textgen: not written yet");
  }

  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("textgen: not written yet");
  }
}
