package io.marketlens.ml.lab;

import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.image.ImageFamily;
import io.marketlens.ml.lab.tabular.TabularFamily;
import io.marketlens.ml.lab.text.TextFamily;
import io.marketlens.ml.lab.textgen.TextGenFamily;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lab's model families by task name, and {@code evaluate} / {@code predict} on any saved model:
 * the model's {@code metadata.json} names its task, which picks the family.
 */
public final class LabModels {

  private static final Map<String, ModelFamily> FAMILIES = new LinkedHashMap<>();

  static {
    for (ModelFamily f :
        new ModelFamily[] {
          TabularFamily.INSTANCE, ImageFamily.INSTANCE, TextGenFamily.INSTANCE, TextFamily.INSTANCE
        }) {
      FAMILIES.put(f.task(), f);
    }
  }

  private LabModels() {}

  /** The family of {@code task}. */
  public static ModelFamily family(String task, Path modelDir) {
    ModelFamily f = FAMILIES.get(task);
    if (f == null) {
      throw InvalidInputException.in(modelDir.resolve(ModelStore.METADATA))
          .key("task")
          .expected("one of " + String.join(", ", FAMILIES.keySet()))
          .found(task)
          .hint(Checks.suggestion(task, FAMILIES.keySet()))
          .build();
    }
    return f;
  }

  /**
   * Evaluates a saved model on labelled data: {@code {"task", "model", "metrics": {...}}}.
   *
   * @throws InvalidInputException for a model or data that cannot be used
   */
  public static Map<String, Object> evaluate(
      Path modelDir, Path data, RunOptions run, Progress progress) {
    ModelStore.SavedModel model = ModelStore.load(modelDir);
    String task = model.metadata().task();
    Map<String, Object> metrics = family(task, modelDir).evaluate(model, data, run, progress);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("task", task);
    out.put("model", modelDir.toString());
    out.put("metrics", metrics);
    return out;
  }

  /**
   * Predicts for {@code data} with a saved model, writing CSV to {@code outFile} atomically, or to
   * {@code stdout} when {@code outFile} is null.
   *
   * @return the number of rows predicted
   */
  public static long predict(
      Path modelDir,
      Path data,
      Path outFile,
      OutputStream stdout,
      RunOptions run,
      Progress progress) {
    ModelStore.SavedModel model = ModelStore.load(modelDir);
    ModelFamily family = family(model.metadata().task(), modelDir);
    if (outFile == null) return family.predict(model, data, stdout, run, progress);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    long n = family.predict(model, data, bytes, run, progress);
    AtomicOutput.write(outFile, bytes.toByteArray());
    return n;
  }
}
