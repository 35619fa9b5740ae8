package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tabular} task: MLPs over the columns of a table, trained by {@link TabularTraining}.
 * Evaluation and prediction read the data with the column types of training, encode it with the
 * saved encoder and run the network in batches ({@link RunOptions#batchSize()}).
 *
 * <p>Prediction CSV columns: the id column (when the model has one and the data holds it, else
 * {@code row}, the 1-based data row), then {@code probability,class} for two classes (the
 * probability of the second class in {@code labels}, class at 0.5), {@code class,probability} and
 * one {@code probability_<class>} per class for several classes, or {@code value} for regression.
 * Numbers are written with {@link Float#toString}, which reads back to the same float.
 */
public final class TabularFamily implements ModelFamily {

  /** The one instance. */
  public static final TabularFamily INSTANCE = new TabularFamily();

  /** Rows encoded at a time: bounds memory on large files. */
  private static final int CHUNK = 16_384;

  private TabularFamily() {}

  @Override
  public String task() {
    return "tabular";
  }

  @Override
  public Map<String, Object> evaluate(
      ModelStore.SavedModel saved, Path data, RunOptions run, Progress progress) {
    try (TabularModel model = TabularModel.load(saved, run)) {
      Table table = model.read(data, true, progress);
      TabularModelSpec spec = model.spec;
      Column target = table.column(spec.target());
      List<Integer> kept = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      List<Integer> labels = new ArrayList<>();
      Map<String, Integer> index = new HashMap<>();
      for (int c = 0; c < spec.classes().size(); c++) index.put(spec.classes().get(c), c);
      for (int r = 0; r < table.rowCount(); r++) {
        String s = target.getString(r);
        if (s == null || s.isBlank()) continue;
        s = s.trim();
        if (spec.head() == MlpHead.REGRESSION) {
          double v = TabularTarget.number(s);
          if (Double.isNaN(v)) {
            throw InvalidInputException.in(data)
                .row(r + 2L)
                .column(target.name())
                .expected("a number, as the model predicts")
                .found(s)
                .build();
          }
          values.add(v);
        } else {
          Integer c = index.get(s);
          if (c == null) {
            throw InvalidInputException.in(data)
                .row(r + 2L)
                .column(target.name())
                .expected(
                    "one of the classes the model knows: " + String.join(", ", spec.classes()))
                .found(s)
                .build();
          }
          labels.add(c);
        }
        kept.add(r);
      }
      if (kept.isEmpty()) {
        throw InvalidInputException.in(data)
            .column(target.name())
            .expected("rows with a target value to evaluate on")
            .found("none")
            .build();
      }
      int[] rows = kept.stream().mapToInt(Integer::intValue).toArray();
      float[] out = predictChunked(model, table, rows, run.batchSize(), progress);
      Map<String, Object> metrics;
      if (spec.head() == MlpHead.REGRESSION) {
        double[] actual = values.stream().mapToDouble(Double::doubleValue).toArray();
        metrics =
            TabularMetrics.regression(
                TabularMetrics.values(out, spec.targetMean(), spec.targetScale()), actual);
      } else {
        int[] actual = labels.stream().mapToInt(Integer::intValue).toArray();
        metrics = TabularMetrics.classification(out, spec.head(), spec.classes().size(), actual);
      }
      metrics.put("skippedMissingTarget", table.rowCount() - rows.length);
      return metrics;
    }
  }

  @Override
  public long predict(
      ModelStore.SavedModel saved, Path data, OutputStream out, RunOptions run, Progress progress) {
    try (TabularModel model = TabularModel.load(saved, run)) {
      Table table = model.read(data, false, progress);
      TabularModelSpec spec = model.spec;
      Column id = spec.id() != null && table.hasColumn(spec.id()) ? table.column(spec.id()) : null;
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      w.write(csv(id == null ? "row" : id.name()));
      switch (spec.head()) {
        case BINARY:
          w.write(",probability,class");
          break;
        case MULTICLASS:
          w.write(",class,probability");
          for (String c : spec.classes()) w.write("," + csv("probability_" + c));
          break;
        default:
          w.write(",value");
      }
      w.write('\n');
      int n = table.rowCount();
      int width = spec.outputs();
      try (Progress.Step step = progress.start("predict", n, "rows")) {
        for (int start = 0; start < n; start += chunk(run.batchSize())) {
          int end = Math.min(n, start + chunk(run.batchSize()));
          int[] rows = new int[end - start];
          for (int i = 0; i < rows.length; i++) rows[i] = start + i;
          float[] o = model.predict(table, rows, run.batchSize());
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            sb.append(id == null ? Integer.toString(r + 1) : csv(String.valueOf(id.getString(r))));
            row(sb, spec, o, i, width);
            sb.append('\n');
          }
          w.write(sb.toString());
          step.advance(rows.length);
        }
      }
      w.flush();
      return n;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the predictions", e);
    }
  }

  private static void row(StringBuilder sb, TabularModelSpec spec, float[] o, int i, int width) {
    switch (spec.head()) {
      case BINARY:
        float p = o[i];
        sb.append(',').append(p).append(',').append(csv(spec.classes().get(p >= 0.5f ? 1 : 0)));
        break;
      case MULTICLASS:
        int best = 0;
        for (int c = 1; c < width; c++) if (o[i * width + c] > o[i * width + best]) best = c;
        sb.append(',').append(csv(spec.classes().get(best)));
        sb.append(',').append(o[i * width + best]);
        for (int c = 0; c < width; c++) sb.append(',').append(o[i * width + c]);
        break;
      default:
        sb.append(',').append(o[i] * spec.targetScale() + spec.targetMean());
    }
  }

  /** Rows per encoding chunk: a multiple of the batch size, so batches match one-call runs. */
  private static int chunk(int batchSize) {
    return Math.max(1, CHUNK / batchSize) * batchSize;
  }

  private static float[] predictChunked(
      TabularModel model, Table table, int[] rows, int batchSize, Progress progress) {
    int width = model.spec.outputs();
    float[] out = new float[rows.length * width];
    int chunk = chunk(batchSize);
    try (Progress.Step step = progress.start("evaluate", rows.length, "rows")) {
      for (int start = 0; start < rows.length; start += chunk) {
        int end = Math.min(rows.length, start + chunk);
        float[] o = model.predict(table, java.util.Arrays.copyOfRange(rows, start, end), batchSize);
        System.arraycopy(o, 0, out, start * width, o.length);
        step.advance(end - start);
      }
    }
    return out;
  }

  /** A CSV field, quoted when it holds a comma, quote or line break. */
  static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
