package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.Checks;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.BinaryModelFiles;
import io.marketlens.ml.tabular.GradientBoostedTrees;
import io.marketlens.ml.tabular.LogisticRegression;
import io.marketlens.ml.tabular.StratifiedSplit;
import io.marketlens.ml.tabular.TabularData;
import io.marketlens.ml.tabular.TabularEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code marketlens train tabular}: reads a table, holds out a stratified test share, encodes the
 * features on the training rows only ({@link TabularEncoder}: one-hot categories, standardised
 * numbers, missing values imputed with indicators), trains a {@link TabularMlp} with the lab's
 * {@link io.marketlens.ml.lab.Trainer} and saves it with its preprocessing through {@link
 * ModelStore}.
 *
 * <p>The head follows the target: two classes → one logit (sigmoid); more → softmax; a numeric
 * target with many values (or {@code task regression}) → one value trained on the standardised
 * target with mean squared error. With {@code patience > 0} a validation share is taken from the
 * training rows for early stopping. The {@code gbt} and {@code logistic} architectures train the
 * churn module's {@link GradientBoostedTrees} / {@link LogisticRegression} on the same split and
 * encoding, report their held-out metrics and, with {@code --out}, are saved in the same model
 * layout with the classifier's own files.
 */
public final class TabularTraining {

  /** Rows per forward pass when predicting the held-out rows (the {@code predict} default). */
  static final int PREDICT_BATCH = 1024;

  /** The fewest rows with a target value. */
  static final int MIN_ROWS = 20;

  /** String columns with a distinct value in every row are dropped from this many rows on. */
  static final int UNIQUE_DROP_ROWS = 50;

  /** Names that look like identifiers: id, user_id, customer-id, customerID, userId, uuid. */
  private static final Pattern ID_NAME =
      Pattern.compile("(?i:id|.*[_\\- .]id|id[_\\- .].*|.*uuid|.*guid)|.*[a-z](ID|Id)");

  private TabularTraining() {}

  /** Dropout after each hidden layer in the family's defaults; see {@link #defaults()}. */
  public static final double DEFAULT_DROPOUT = 0.3;

  /**
   * The family's training defaults: the seed recipe (10 epochs, batch 32, Adam 1e-3, seed 42) with
   * dropout {@value #DEFAULT_DROPOUT} after each hidden layer. Without it the 128-64 network
   * overfits a table the size of Telco's within 10 epochs: held-out ROC-AUC 0.832 / 0.839 / 0.828 /
   * 0.824 for seeds 42 / 1 / 2 / 3, with it 0.842 / 0.842 / 0.835 / 0.832 (docs/model-lab.md).
   */
  public static TrainConfig defaults() {
    return TrainConfig.builder().dropout(DEFAULT_DROPOUT).build();
  }

  /**
   * Trains, evaluates on the held-out rows and saves a model (required for {@code mlp}; {@code gbt}
   * and {@code logistic} without {@code --out} report their metrics only).
   *
   * @throws InvalidInputException for unusable options or data: an unknown arch or task, a missing
   *     column, a target without values or with one class, non-numbers in a regression target, too
   *     few rows, an empty file
   * @throws IllegalStateException when the PyTorch engine cannot run
   */
  public static TrainReport train(TabularTrainOptions o, TrainConfig config, Progress progress) {
    checkChoice("--arch", o.arch(), TabularTrainOptions.ARCHITECTURES);
    checkChoice("--task", o.task(), TabularTrainOptions.TASKS);
    boolean mlp = o.arch().equals("mlp");
    if (mlp && o.out() == null) {
      throw InvalidInputException.in(null)
          .key("--out")
          .expected("a model directory to write (--out MODEL_DIR)")
          .found("none")
          .build();
    }
    Table table = TabularInput.readForTraining(o.data(), o.target(), progress);
    Column target = table.column(o.target());
    Column id = idColumn(table, o.id(), target.name());
    TabularTarget y = TabularTarget.of(table, target, o.task());
    Map<String, String> dropped = new LinkedHashMap<>();
    List<String> features = features(table, id, target, dropped);
    if (features.isEmpty()) {
      throw InvalidInputException.in(o.data())
          .expected("at least one input column besides the target and the id")
          .found(dropped.isEmpty() ? "none" : "only unusable ones: " + dropped)
          .build();
    }
    int[] rows = y.presentRows();
    if (rows.length < MIN_ROWS) {
      throw InvalidInputException.in(o.data())
          .column(target.name())
          .expected("at least " + MIN_ROWS + " rows with a target value")
          .found(rows.length + "")
          .build();
    }
    boolean validate = !mlp || config.patience() > 0;
    double validation = validate ? o.validationFraction() : 0;
    double train = 1 - o.testFraction() - validation;
    StratifiedSplit split =
        y.head == MlpHead.REGRESSION
            ? TabularSplit.shuffled(rows, train, validation, config.seed())
            : TabularSplit.stratified(
                y.labels, rows, y.classes.size(), train, validation, config.seed());
    if (split.train().length == 0 || split.test().length == 0) {
      throw InvalidInputException.in(o.data())
          .expected("enough rows for a training and a test set")
          .found(rows.length + " rows with a target value")
          .build();
    }
    TabularEncoder encoder =
        TabularEncoder.fit(table, features, split.train(), TabularEncoder.Options.defaults());

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("arch", o.arch());
    details.put("head", y.head.id());
    if (!y.classes.isEmpty()) details.put("classes", y.classes);
    details.put("id", id == null ? null : id.name());
    details.put("columns", features.size());
    details.put("features", encoder.featureNames().size());
    if (!dropped.isEmpty()) details.put("droppedColumns", dropped);
    Map<String, Object> sizes = new LinkedHashMap<>();
    sizes.put("train", split.train().length);
    sizes.put("validation", split.validation().length);
    sizes.put("test", split.test().length);
    sizes.put("missingTarget", table.rowCount() - rows.length);
    details.put("rows", sizes);

    if (!mlp) return classic(o, y, table, id, features, encoder, split, config.seed(), details);
    return trainMlp(o, config, progress, table, id, y, features, encoder, split, details);
  }

  private static TrainReport trainMlp(
      TabularTrainOptions o,
      TrainConfig config,
      Progress progress,
      Table table,
      Column id,
      TabularTarget y,
      List<String> features,
      TabularEncoder encoder,
      StratifiedSplit split,
      Map<String, Object> details) {
    double mean = 0;
    double scale = 1;
    if (y.head == MlpHead.REGRESSION) {
      double[] v = new double[split.train().length];
      for (int i = 0; i < v.length; i++) v[i] = y.values[split.train()[i]];
      mean = mean(v);
      double ss = 0;
      for (double x : v) ss += (x - mean) * (x - mean);
      double sd = Math.sqrt(ss / v.length);
      scale = sd > 0 ? sd : 1;
    }
    float[][] xTrain = floats(encoder.encode(table, split.train()));
    float[][] xValidation = floats(encoder.encode(table, split.validation()));
    float[][] xTest = floats(encoder.encode(table, split.test()));
    float[] yTrain = targets(y, split.train(), mean, scale);
    float[] yValidation = targets(y, split.validation(), mean, scale);
    TabularMlp.Spec spec =
        new TabularMlp.Spec(
            encoder.featureNames().size(),
            o.network().hidden(),
            y.head.outputs(y.classes.size()),
            y.head,
            config.dropout());
    Lab.engine(config.threads());
    try (TabularMlp net = TabularMlp.create(spec, config.seed(), config.device())) {
      TrainingResult result = net.fit(xTrain, yTrain, xValidation, yValidation, config, progress);
      float[] out = net.predict(xTest, PREDICT_BATCH);
      Map<String, Object> metrics;
      if (y.head == MlpHead.REGRESSION) {
        double[] actual = new double[split.test().length];
        for (int i = 0; i < actual.length; i++) actual[i] = y.values[split.test()[i]];
        metrics = TabularMetrics.regression(TabularMetrics.values(out, mean, scale), actual);
      } else {
        int[] actual = new int[split.test().length];
        for (int i = 0; i < actual.length; i++) actual[i] = y.labels[split.test()[i]];
        metrics = TabularMetrics.classification(out, y.head, y.classes.size(), actual);
      }
      TabularModelSpec model =
          new TabularModelSpec(
              spec,
              encoder.state(),
              columnSchema(table, features),
              id == null ? null : id.name(),
              o.target(),
              y.classes,
              mean,
              scale);
      Map<String, Object> timing = TrainReport.timing(result, false);
      details.putAll(TrainReport.details(result));
      Map<String, Object> training = new LinkedHashMap<>(details);
      training.put("timing", timing);
      ModelMetadata meta =
          new ModelMetadata(
              ModelStore.SCHEMA_VERSION,
              "tabular",
              "mlp",
              Instant.now().toString(),
              config.seed(),
              o.data().toString(),
              ModelStore.sha256(o.data()),
              hyperparameters(spec, config, o),
              model.inputSchema(),
              model.preprocessing(),
              y.classes,
              metrics,
              training,
              Lab.versions());
      ModelStore.save(o.out(), meta, net.block(), Map.of());
      return new TrainReport("tabular", o.out().toString(), metrics, timing, details);
    }
  }

  private static Map<String, Object> hyperparameters(
      TabularMlp.Spec spec, TrainConfig c, TabularTrainOptions o) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("network", ModelStore.toMap(spec));
    h.put("epochs", c.epochs());
    h.put("batchSize", c.batchSize());
    h.put("optimizer", c.optimizer().name().toLowerCase(java.util.Locale.ROOT));
    h.put("learningRate", c.learningRate());
    h.put("weightDecay", c.weightDecay());
    h.put("schedule", c.schedule().name().toLowerCase(java.util.Locale.ROOT));
    h.put("gradientClipNorm", c.gradientClipNorm());
    h.put("patience", c.patience());
    h.put("dropout", c.dropout());
    h.put("balanceClasses", c.balanceClasses());
    h.put("testFraction", o.testFraction());
    h.put("validationFraction", c.patience() > 0 ? o.validationFraction() : 0.0);
    return h;
  }

  /**
   * gbt / logistic: binary targets, metrics on the same held-out rows; with {@code --out} the model
   * is saved with the same metadata as an MLP's (input schema, encoder, labels, metrics) and the
   * classifier's own files ({@link BinaryModelFiles}), so that {@code evaluate} and {@code predict}
   * read it as they read an MLP.
   */
  private static TrainReport classic(
      TabularTrainOptions o,
      TabularTarget y,
      Table table,
      Column id,
      List<String> features,
      TabularEncoder encoder,
      StratifiedSplit split,
      long seed,
      Map<String, Object> details) {
    if (y.head != MlpHead.BINARY) {
      throw InvalidInputException.in(o.data())
          .key("--arch")
          .column(o.target())
          .expected("a target with two classes for --arch " + o.arch())
          .found(y.head == MlpHead.REGRESSION ? "a numeric target" : y.classes.size() + " classes")
          .hint("use --arch mlp, which also handles several classes and regression")
          .build();
    }
    TabularData train = encoder.encode(table, split.train(), pick(y.labels, split.train()));
    TabularData validation =
        encoder.encode(table, split.validation(), pick(y.labels, split.validation()));
    int[] testLabels = pick(y.labels, split.test());
    long t0 = System.nanoTime();
    BinaryModel model = classifier(o.arch()).fit(train, validation, seed);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] p = model.predictProbability(encoder.encode(table, split.test()));
    double[][] probabilities = new double[p.length][];
    for (int i = 0; i < p.length; i++) probabilities[i] = new double[] {p[i]};
    Map<String, Object> metrics = ClassMetrics.of(probabilities, testLabels);
    Map<String, Object> timing = new LinkedHashMap<>();
    timing.put("trainSeconds", TrainReport.round(seconds));
    details.put("model", model.name() + " (" + model.description() + ")");
    details.put("saved", o.out() != null);
    if (o.out() == null) {
      details.put("note", "no --out: the held-out metrics only, nothing saved");
      return new TrainReport("tabular", null, metrics, timing, details);
    }
    TabularModelSpec spec =
        new TabularModelSpec(
            null,
            encoder.state(),
            columnSchema(table, features),
            id == null ? null : id.name(),
            o.target(),
            y.classes,
            0,
            1);
    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    hyperparameters.put("classifier", model.name());
    hyperparameters.put("description", model.description());
    hyperparameters.put("testFraction", o.testFraction());
    hyperparameters.put("validationFraction", o.validationFraction());
    Map<String, Object> training = new LinkedHashMap<>(details);
    training.put("timing", timing);
    ModelMetadata meta =
        new ModelMetadata(
            ModelStore.SCHEMA_VERSION,
            "tabular",
            o.arch(),
            Instant.now().toString(),
            seed,
            o.data().toString(),
            ModelStore.sha256(o.data()),
            hyperparameters,
            spec.inputSchema(),
            spec.preprocessing(),
            y.classes,
            metrics,
            training,
            BinaryModelFiles.versions(model));
    ModelStore.save(o.out(), meta, null, BinaryModelFiles.save(model));
    return new TrainReport("tabular", o.out().toString(), metrics, timing, details);
  }

  /** The classifier of a non-MLP architecture: {@code gbt} or {@code logistic}. */
  static BinaryClassifier classifier(String arch) {
    return switch (arch) {
      case "gbt" -> GradientBoostedTrees.defaults();
      case "logistic" -> LogisticRegression.defaults();
      default -> throw new IllegalArgumentException("no classifier for --arch " + arch);
    };
  }

  /** The feature columns with their types as read for training. */
  private static List<TabularInput.ColumnSchema> columnSchema(Table table, List<String> features) {
    List<TabularInput.ColumnSchema> columns = new ArrayList<>();
    for (String f : features) {
      columns.add(new TabularInput.ColumnSchema(f, table.column(f).type().id()));
    }
    return columns;
  }

  private static void checkChoice(String key, String value, List<String> valid) {
    if (!valid.contains(value)) {
      throw InvalidInputException.in(null)
          .key(key)
          .expected("one of " + String.join(", ", valid))
          .found(value)
          .hint(Checks.suggestion(value, valid))
          .build();
    }
  }

  /** The id column: the one named, or one detected by its name and distinct values, or null. */
  static Column idColumn(Table table, String name, String target) {
    if (name != null) {
      if (!table.hasColumn(name)) {
        throw InvalidInputException.in(table.source())
            .key("--id")
            .column(name)
            .expected("the id column '" + name + "'")
            .found("no such column")
            .hint(Checks.suggestion(name, table.columnNames()))
            .build();
      }
      if (name.equals(target)) {
        throw InvalidInputException.usage("an --id column other than --target", name);
      }
      return table.column(name);
    }
    for (Column c : table.columns()) {
      if (c.name().equals(target) || !ID_NAME.matcher(c.name()).matches()) continue;
      if (c.missingCount() == 0 && distinct(c) == c.size()) return c;
    }
    return null;
  }

  private static List<String> features(
      Table table, Column id, Column target, Map<String, String> dropped) {
    List<String> out = new ArrayList<>();
    for (Column c : table.columns()) {
      if (c == id || c.name().equals(target.name())) continue;
      int present = c.size() - c.missingCount();
      if (present == 0) {
        dropped.put(c.name(), "no values");
      } else if (c.type().isString() && present >= UNIQUE_DROP_ROWS && distinct(c) == present) {
        dropped.put(c.name(), "a different value in every row (an identifier or free text?)");
      } else {
        out.add(c.name());
      }
    }
    return out;
  }

  private static int distinct(Column c) {
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < c.size(); r++) {
      String s = c.getString(r);
      if (s != null) seen.add(s);
    }
    return seen.size();
  }

  private static float[] targets(TabularTarget y, int[] rows, double mean, double scale) {
    float[] t = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      t[i] =
          y.head == MlpHead.REGRESSION
              ? (float) ((y.values[rows[i]] - mean) / scale)
              : y.labels[rows[i]];
    }
    return t;
  }

  /** Encoded rows (as {@code TabularEncoder} makes them) in the MLP's single precision. */
  public static float[][] floats(double[][] x) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      float[] row = new float[x[i].length];
      for (int j = 0; j < row.length; j++) row[j] = (float) x[i][j];
      out[i] = row;
    }
    return out;
  }

  private static int[] pick(int[] values, int[] rows) {
    int[] out = new int[rows.length];
    for (int k = 0; k < rows.length; k++) out[k] = values[rows[k]];
    return out;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) s += x;
    return s / v.length;
  }
}
