package io.marketlens.customers.churn;

import io.marketlens.core.io.ReadOptions;
import io.marketlens.core.io.TableReader;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.table.Column;
import io.marketlens.core.table.ColumnType;
import io.marketlens.core.table.Table;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.tabular.BinaryMetrics;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.BinaryModelFiles;
import io.marketlens.ml.tabular.Calibrator;
import io.marketlens.ml.tabular.RowExplainer;
import io.marketlens.ml.tabular.TabularEncoder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A churn model saved as a model directory, and read back to score customers exactly as the
 * analysis that trained it did: same encoding, same classifier, same calibration, so the same
 * probabilities bit for bit, and the same per-customer reasons.
 *
 * <p>The directory ({@code OUT/models/churn} after {@code marketlens analyze}) follows the model
 * store's layout ({@link ModelStore}): {@code metadata.json} ({@code schemaVersion} first; task
 * {@code churn}; architecture = the kept classifier; the input columns with their types, the id and
 * label columns and which label value "1" stands for; the fitted encoder and calibrator; held-out
 * metrics; seed; the training data's SHA-256; versions), the classifier's files ({@link
 * BinaryModelFiles}) and {@value #BACKGROUND} (the encoded training rows the reasons are measured
 * against). It is written to a temporary sibling and renamed into place.
 *
 * <pre>{@code
 * SavedChurnModel model = SavedChurnModel.load(Path.of("out/models/churn"));
 * Table customers = model.read(Path.of("customers.csv"));
 * double[] risk = model.score(customers);
 * }</pre>
 *
 * <p>Thread-safe: immutable once loaded (the classifier serialises its own predictions).
 */
public final class SavedChurnModel {

  /** The task name in {@code metadata.json}. */
  public static final String TASK = "churn";

  /** The file of the explainer's background rows. */
  public static final String BACKGROUND = "background.json";

  /**
   * An input column of the model.
   *
   * @param name the column name
   * @param type the type it was read as in training ({@link ColumnType#id()})
   */
  public record InputColumn(String name, String type) {}

  /** {@value #BACKGROUND}: encoded rows, one value per feature. */
  record Background(double[][] rows) {}

  private final Path dir;
  private final ModelMetadata metadata;
  private final List<InputColumn> columns;
  private final ChurnModel model;

  private SavedChurnModel(
      Path dir, ModelMetadata metadata, List<InputColumn> columns, ChurnModel model) {
    this.dir = dir;
    this.metadata = metadata;
    this.columns = List.copyOf(columns);
    this.model = model;
  }

  /**
   * Saves the kept model of {@code result} to {@code dir} (replaced if it exists), atomically.
   *
   * @param trainingData the customers file as the project names it, or null
   * @param trainingDataSha256 SHA-256 of its bytes, or null
   * @throws IllegalArgumentException when the model was not made by {@link ChurnAnalysis}
   */
  public static void save(
      ChurnResult result, Path dir, String trainingData, String trainingDataSha256) {
    ChurnModel m = result.model();
    Table analysed = m.analysed();
    if (analysed == null) throw new IllegalArgumentException("only a trained model can be saved");
    BinaryModel classifier = m.binaryModel();
    Map<String, byte[]> files = new LinkedHashMap<>(BinaryModelFiles.save(classifier));
    files.put(BACKGROUND, ModelStore.json(new Background(m.explainer().background())));

    List<InputColumn> inputs = new ArrayList<>();
    for (String c : m.encoder().columns()) {
      inputs.add(new InputColumn(c, analysed.column(c).type().id()));
    }
    String[] spelling = labelSpelling(analysed, result.labelColumn());
    Map<String, Object> label = new LinkedHashMap<>();
    label.put("column", result.labelColumn());
    label.put("positive", spelling[1]);
    label.put("negative", spelling[0]);
    label.put("values", "yes, true or 1 count as churned; no, false or 0 as stayed");
    label.put("score", "the calibrated probability that " + result.labelColumn() + " is positive");
    Map<String, Object> inputSchema = new LinkedHashMap<>();
    inputSchema.put("columns", ModelStore.convert(inputs, List.class));
    inputSchema.put("id", result.idColumn());
    inputSchema.put("label", label);

    Map<String, Object> preprocessing = new LinkedHashMap<>();
    preprocessing.put("encoder", ModelStore.toMap(m.encoder().state()));
    preprocessing.put("features", m.encoder().featureNames());
    preprocessing.put("calibration", BinaryModelFiles.describe(m.calibrator()));
    Map<String, Object> explainer = new LinkedHashMap<>();
    explainer.put("file", BACKGROUND);
    explainer.put("backgroundRows", m.explainer().background().length);
    explainer.put("method", m.reasonMethod());
    preprocessing.put("explainer", explainer);

    Map<String, Object> hyperparameters = new LinkedHashMap<>();
    hyperparameters.put("classifier", classifier.name());
    hyperparameters.put("description", classifier.description());
    hyperparameters.put("featureCount", classifier.featureCount());

    Map<String, Object> metrics = metrics(result.test());
    metrics.put("validationAuc", result.chosenCandidate().validationAuc());
    metrics.put("calibration", ModelStore.toMap(result.calibration()));

    Map<String, Object> training = new LinkedHashMap<>();
    training.put("customers", result.customers());
    training.put("labelled", result.labelled());
    training.put("churnRate", result.churnRate());
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("train", result.trainRows());
    rows.put("validation", result.validationRows());
    rows.put("test", result.testRows());
    training.put("rows", rows);
    List<Object> candidates = new ArrayList<>();
    for (CandidateResult c : result.candidates()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("name", c.name());
      if (c.failed()) {
        cm.put("failure", c.failure());
      } else {
        cm.put("validationAuc", c.validationAuc());
        cm.put("testAuc", c.test().rocAuc());
      }
      candidates.add(cm);
    }
    training.put("candidates", candidates);
    training.put("chosen", result.chosen());

    ModelMetadata metadata =
        new ModelMetadata(
            ModelStore.SCHEMA_VERSION,
            TASK,
            classifier.name(),
            Instant.now().toString(),
            m.seed(),
            trainingData,
            trainingDataSha256,
            hyperparameters,
            inputSchema,
            preprocessing,
            List.of(spelling[0], spelling[1]),
            metrics,
            training,
            BinaryModelFiles.versions(classifier));
    ModelStore.save(dir, metadata, null, files);
  }

  /**
   * How the label's 0 and 1 are spelled in the table, e.g. {@code No} and {@code Yes} ({@code
   * false} and {@code true} for a column read as yes/no flags).
   */
  private static String[] labelSpelling(Table t, String labelColumn) {
    Column c = t.column(labelColumn);
    int[] labels = ChurnInputs.labels(t, c);
    String[] out = {"0", "1"};
    boolean[] found = new boolean[2];
    for (int r = 0; r < labels.length && !(found[0] && found[1]); r++) {
      int y = labels[r];
      if (y >= 0 && !found[y]) {
        out[y] = c.getString(r).trim();
        found[y] = true;
      }
    }
    return out;
  }

  private static Map<String, Object> metrics(BinaryMetrics m) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("auc", m.rocAuc());
    n.put("prAuc", m.prAuc());
    n.put("accuracy", m.atHalf().accuracy());
    n.put("precision", m.atHalf().precision());
    n.put("recall", m.atHalf().recall());
    n.put("f1", m.atHalf().f1());
    n.put("logLoss", m.logLoss());
    n.put("brier", m.brier());
    n.put("ece", m.ece());
    n.put("rows", m.rows());
    return n;
  }

  /**
   * Reads a churn model directory.
   *
   * @throws InvalidInputException when {@code dir} is not a churn model, was written by a newer
   *     Marketlens ({@code schemaVersion}), or a file is missing or malformed
   * @throws IllegalStateException when the classifier's engine (LightGBM, PyTorch) cannot load
   */
  public static SavedChurnModel load(Path dir) {
    ModelStore.SavedModel saved = ModelStore.load(dir);
    ModelMetadata meta = saved.metadata();
    Path metaFile = dir.resolve(ModelStore.METADATA);
    if (!TASK.equals(meta.task())) {
      throw InvalidInputException.in(metaFile)
          .key("task")
          .expected("a churn model (task " + TASK + ")")
          .found(String.valueOf(meta.task()))
          .build();
    }
    TabularEncoder encoder;
    Calibrator calibrator;
    List<InputColumn> columns = new ArrayList<>();
    try {
      encoder =
          TabularEncoder.of(
              ModelStore.convert(meta.preprocessing().get("encoder"), TabularEncoder.State.class));
      Object cols = meta.inputSchema().get("columns");
      for (Object c : (List<?>) cols) columns.add(ModelStore.convert(c, InputColumn.class));
      for (InputColumn c : columns) ColumnType.valueOf(c.type().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw InvalidInputException.in(metaFile)
          .key("preprocessing.encoder")
          .expected("the fitted encoder and input columns of a churn model this build reads")
          .found(String.valueOf(e.getMessage()))
          .build(e);
    }
    if (!columns.stream().map(InputColumn::name).toList().equals(encoder.columns())) {
      throw InvalidInputException.in(metaFile)
          .key("inputSchema.columns")
          .expected("the encoder's columns " + encoder.columns())
          .found(columns.stream().map(InputColumn::name).toList().toString())
          .build();
    }
    calibrator =
        BinaryModelFiles.calibrator(
            asMap(meta.preprocessing().get("calibration")), metaFile, "preprocessing.calibration");
    BinaryModel classifier = BinaryModelFiles.load(dir);
    if (classifier.featureCount() != encoder.featureNames().size()
        || !classifier.name().equals(meta.architecture())) {
      throw InvalidInputException.in(dir.resolve(BinaryModelFiles.CLASSIFIER))
          .expected(
              "a "
                  + meta.architecture()
                  + " over the encoder's "
                  + encoder.featureNames().size()
                  + " features")
          .found("a " + classifier.name() + " over " + classifier.featureCount())
          .build();
    }
    Background background = ModelStore.readJson(dir.resolve(BACKGROUND), Background.class);
    RowExplainer explainer;
    try {
      explainer = RowExplainer.of(classifier, background.rows(), encoder.groups());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw InvalidInputException.in(dir.resolve(BACKGROUND))
          .expected("background rows of " + encoder.featureNames().size() + " values each")
          .found(String.valueOf(e.getMessage()))
          .build(e);
    }
    ChurnModel model =
        new ChurnModel(null, encoder, classifier, calibrator, explainer, meta.seed());
    return new SavedChurnModel(dir, meta, columns, model);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  /**
   * Reads a customers file (CSV, Parquet, ...) with every input column typed as in training, so
   * that a small file cannot change how a column is read.
   *
   * @throws InvalidInputException when the file cannot be read or lacks an input column (named)
   */
  public Table read(Path file) {
    Map<String, ColumnType> types = new LinkedHashMap<>();
    for (InputColumn c : columns)
      types.put(c.name(), ColumnType.valueOf(c.type().toUpperCase(Locale.ROOT)));
    ReadOptions options = new ReadOptions(null, null, null, types, Map.of(), null, 0);
    try {
      return TableReader.read("customers", file, options, Progress.NONE).table();
    } catch (InvalidInputException e) {
      String key = e.key();
      if (key == null || !key.startsWith("types.")) throw e;
      String column = key.substring("types.".length());
      throw InvalidInputException.in(file)
          .column(column)
          .expected("the column '" + column + "' the churn model was trained with")
          .found("no such column")
          .hint(e.hint())
          .build(e);
    }
  }

  /**
   * The calibrated churn probability of every row of {@code customers}, bit for bit what the
   * analysis gave the same rows.
   *
   * @throws InvalidInputException when an input column is absent (named) or holds another kind of
   *     values than in training (e.g. text where numbers were)
   */
  public double[] score(Table customers) {
    return model.score(customers);
  }

  /**
   * The reasons of each of {@code rows} of {@code customers}: the {@code limit} columns that raise
   * its risk most, strongest first, as the analysis lists them for its highest-risk customers.
   */
  public List<List<Reason>> reasons(Table customers, int[] rows, int limit) {
    return model.reasons(customers, rows, limit);
  }

  /** The model directory. */
  public Path dir() {
    return dir;
  }

  /** The metadata as read. */
  public ModelMetadata metadata() {
    return metadata;
  }

  /** The input columns with their training types, in feature order. */
  public List<InputColumn> columns() {
    return columns;
  }

  /** The classifier, e.g. {@code logistic-regression}. */
  public String classifier() {
    return model.classifier();
  }

  /** {@code platt}, {@code isotonic} or {@code none}. */
  public String calibration() {
    return model.calibration();
  }
}
