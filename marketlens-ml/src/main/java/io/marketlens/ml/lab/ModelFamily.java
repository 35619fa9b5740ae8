package io.marketlens.ml.lab;

import io.marketlens.core.progress.Progress;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * One kind of lab model (tabular, image, textgen, text) as {@code evaluate} and {@code predict}
 * reach it through {@link LabModels}: the saved model says its task, the family does the rest.
 * Training has a family-specific entry point, since each takes different inputs.
 */
public interface ModelFamily {

  /** The task name stored in {@code metadata.json}. */
  String task();

  /**
   * Metrics of a saved model on labelled data in the same format it was trained on.
   *
   * @throws io.marketlens.core.validate.InvalidInputException when the data do not fit the model
   */
  Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress);

  /**
   * Writes predictions for {@code data} as CSV (one row per input, the input's id first when it has
   * one) to {@code out}.
   *
   * @return the number of rows predicted
   * @throws io.marketlens.core.validate.InvalidInputException when the data do not fit the model
   */
  long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress);
}
