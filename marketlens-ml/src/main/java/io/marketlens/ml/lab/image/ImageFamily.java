package io.marketlens.ml.lab.image;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@code image} task. (Being written.) */
public final class ImageFamily implements ModelFamily {

  public static final ImageFamily INSTANCE = new ImageFamily();

  private ImageFamily() {}

  @Override
  public String task() {
    return "image";
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("image: not written yet");
  }

  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("image: not written yet");
  }
}
