package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/** The {@code tabular} task. (Being written.) */
public final class TabularFamily implements ModelFamily {

  public static final TabularFamily INSTANCE = new TabularFamily();

  private TabularFamily() {}

  @Override
  public String task() {
    return "tabular";
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("tabular: not written yet");
  }

  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    throw new UnsupportedOperationException("tabular: not written yet");
  }
}
