package io.marketlens.ml.lab.text;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelFamily;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code text} task: text classification with a Transformer encoder, a GRU, or a dense head on
 * the in-jar sentence encoder ({@link TextTrainer} trains them). {@code evaluate} and {@code
 * predict} read data in the format the model was trained on: the same text (and label) columns,
 * with or without a header line as in training.
 */
public final class TextFamily implements ModelFamily {

  /** The task name. */
  public static final String TASK = "text";

  public static final TextFamily INSTANCE = new TextFamily();

  /**
   * The most texts per forward pass: attention holds {@code batch × heads × length²} floats per
   * layer (about 67 MB at 1,024 texts of 64 tokens), so larger requested batches are split.
   */
  public static final int MAX_BATCH = 1024;

  private TextFamily() {}

  @Override
  public String task() {
    return TASK;
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    TextColumns columns = columns(model);
    if (columns.label() == null) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("inputSchema.label")
          .expected("the label column the model was trained with")
          .found("none")
          .build();
    }
    TextRows rows = TextReader.read(data, columns, true, progress);
    Lab.engine(run.threads());
    try (TextModel classifier = TextModel.load(model, Lab.device(run.device()))) {
      Map<String, Integer> classOf = new HashMap<>();
      for (int i = 0; i < classifier.labels().size(); i++) {
        classOf.put(classifier.labels().get(i), i);
      }
      int[] y = new int[rows.size()];
      for (int i = 0; i < y.length; i++) {
        Integer c = classOf.get(rows.labels().get(i));
        if (c == null) {
          throw InvalidInputException.in(data)
              .row(rows.rowNumbers()[i])
              .column(columns.label())
              .expected(
                  "one of the model's labels ("
                      + String.join(", ", TextTrainer.first(classifier.labels(), 12))
                      + ")")
              .found(rows.labels().get(i))
              .build();
        }
        y[i] = c;
      }
      float[][] p = classifier.probabilities(rows.texts(), batch(run), progress);
      return ClassMetrics.of(TextTrainer.toDouble(p), y);
    }
  }

  @Override
  public long predict(
      ModelStore.SavedModel model, Path data, OutputStream out, RunOptions run, Progress progress) {
    TextColumns columns = columns(model).withoutLabel();
    TextRows rows = TextReader.read(data, columns, true, progress);
    Lab.engine(run.threads());
    try (TextModel classifier = TextModel.load(model, Lab.device(run.device()))) {
      float[][] p = classifier.probabilities(rows.texts(), batch(run), progress);
      BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(csv(rows.ids() != null ? columns.id() : "row"));
      w.write(",label,probability\n");
      for (int i = 0; i < p.length; i++) {
        int best = 0;
        for (int c = 1; c < p[i].length; c++) if (p[i][c] > p[i][best]) best = c;
        w.write(csv(rows.ids() != null ? rows.ids().get(i) : Integer.toString(i + 1)));
        w.write(',');
        w.write(csv(classifier.labels().get(best)));
        w.write(',');
        w.write(Float.toString(p[i][best]));
        w.write('\n');
      }
      w.flush();
      return p.length;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the predictions", e);
    }
  }

  /**
   * Texts per second through a saved model: the texts of {@code data} encoded first (not timed),
   * then every forward pass of {@code run.batchSize()} texts (at most {@link #MAX_BATCH}), softmax
   * and the copy back timed, as the reference measures inference.
   */
  public double textsPerSecond(
      ModelStore.SavedModel model, Path data, RunOptions run, Progress progress) {
    TextColumns columns = columns(model).withoutLabel();
    TextRows rows = TextReader.read(data, columns, true, progress);
    Lab.engine(run.threads());
    try (TextModel loaded = TextModel.load(model, Lab.device(run.device()))) {
      if (!(loaded instanceof TextClassifier classifier)) {
        // embed-head: the encoder is the model's work, so it is timed too
        long t0 = System.nanoTime();
        loaded.probabilities(rows.texts(), batch(run), Progress.NONE);
        return rows.size() / ((System.nanoTime() - t0) / 1e9);
      }
      int[][] ids = classifier.encode(rows.texts());
      long t0 = System.nanoTime();
      classifier.probabilities(ids, batch(run), Progress.NONE);
      double s = (System.nanoTime() - t0) / 1e9;
      return ids.length / s;
    }
  }

  /** The class probabilities of {@code texts} under a saved model, in the model's label order. */
  public float[][] probabilities(ModelStore.SavedModel model, List<String> texts, RunOptions run) {
    Lab.engine(run.threads());
    try (TextModel classifier = TextModel.load(model, Lab.device(run.device()))) {
      return classifier.probabilities(texts, batch(run), Progress.NONE);
    }
  }

  private static int batch(RunOptions run) {
    return Math.min(run.batchSize(), MAX_BATCH);
  }

  private static TextColumns columns(ModelStore.SavedModel model) {
    try {
      return ModelStore.convert(model.metadata().inputSchema(), TextColumns.class);
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("inputSchema")
          .expected("the text, label and id columns of a text model")
          .found(String.valueOf(e.getMessage()).lines().findFirst().orElse(""))
          .build();
    }
  }

  private static String csv(String v) {
    if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
      return v;
    }
    return '"' + v.replace("\"", "\"\"") + '"';
  }
}
