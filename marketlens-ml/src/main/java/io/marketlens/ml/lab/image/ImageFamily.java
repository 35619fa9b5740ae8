package io.marketlens.ml.lab.image;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code image} task for {@code evaluate} and {@code predict}: data in the layouts of {@link
 * ImageData}, a saved {@link ImageCnn} loaded through {@link ImageClassifier}.
 */
public final class ImageFamily implements ModelFamily {

  /** The one instance, registered in {@link io.marketlens.ml.lab.LabModels}. */
  public static final ImageFamily INSTANCE = new ImageFamily();

  /** The header of {@link #predict}'s CSV. */
  public static final String CSV_HEADER = "image,predicted,probability";

  private ImageFamily() {}

  @Override
  public String task() {
    return "image";
  }

  /**
   * Accuracy, macro precision/recall/F1, log-loss and the confusion matrix (and ROC-AUC for two
   * classes) on labelled images: the held-out part of a training layout when it has one, else all.
   * Classes are matched to the model's by name (IDX labels are the names {@code "0"}, {@code "1"},
   * ...).
   */
  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    try (ImageClassifier classifier = ImageClassifier.load(model, run)) {
      ImageSet set = ImageData.forEvaluation(data);
      classifier.check(set);
      set = toModelClasses(set, classifier.classNames(), data);
      float[][] probs = classifier.probabilities(set, run.batchSize(), progress);
      return ClassMetrics.of(ImageTrainer.toDouble(probs), set.labels());
    }
  }

  /**
   * Writes {@code image,predicted,probability} rows: the image's file (relative to the folder) or
   * 0-based index in an IDX file, the most probable class's name, and its probability (the shortest
   * decimal that reads back as the same float).
   */
  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    try (ImageClassifier classifier = ImageClassifier.load(model, run)) {
      ImageSet set = ImageData.forPrediction(data, classifier.inputSize());
      float[][] probs = classifier.probabilities(set, run.batchSize(), progress);
      List<String> names = classifier.classNames();
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(CSV_HEADER);
      w.write('\n');
      for (int i = 0; i < probs.length; i++) {
        int best = 0;
        for (int c = 1; c < probs[i].length; c++) if (probs[i][c] > probs[i][best]) best = c;
        w.write(csv(set.id(i)));
        w.write(',');
        w.write(csv(names.get(best)));
        w.write(',');
        w.write(Float.toString(probs[i][best]));
        w.write('\n');
      }
      w.flush();
      return probs.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the predictions", e);
    }
  }

  /** {@code set} with its labels re-indexed to the model's classes by name. */
  static ImageSet toModelClasses(ImageSet set, List<String> modelClasses, Path data) {
    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < modelClasses.size(); c++) index.put(modelClasses.get(c), c);
    List<String> names = set.classNames();
    int[] map = new int[names.size()];
    int[] counts = set.classCounts();
    for (int c = 0; c < map.length; c++) {
      Integer k = index.get(names.get(c));
      if (k == null && counts[c] > 0) {
        throw InvalidInputException.in(data)
            .expected("classes the model knows: " + modelClasses)
            .found("class " + names.get(c) + " (" + counts[c] + " images)")
            .build();
      }
      map[c] = k == null ? 0 : k;
    }
    return set.relabel(map, modelClasses);
  }

  private static String csv(String s) {
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
