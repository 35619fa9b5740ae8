package io.marketlens.ml.lab.tabular;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.tabular.BinaryClassifier;
import io.marketlens.ml.tabular.BinaryModel;
import io.marketlens.ml.tabular.TabularData;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The model lab's MLP as a churn candidate: a {@link TabularMlp} on the already encoded features,
 * standardised column by column with the training rows' mean and standard deviation (one-hot
 * columns and raw numbers arrive mixed), trained with Adam and binary cross-entropy, stopping early
 * when the validation loss has not improved for {@code patience} epochs and keeping the best
 * epoch's weights. Row weights of {@link TabularData} are not used.
 *
 * <p>Runs on the CPU with the engine's thread count. The same data and seed give the same model.
 *
 * @param network the hidden layers
 * @param epochs the most epochs
 * @param batchSize rows per step
 * @param learningRate Adam's step size
 * @param patience epochs without a better validation loss before stopping (0: never early)
 */
public record MlpClassifier(
    TabularMlpOptions network, int epochs, int batchSize, double learningRate, int patience)
    implements BinaryClassifier {

  /** The name used in results and options. */
  public static final String NAME = "mlp";

  /** The file of a saved model's shape and input standardisation. */
  public static final String SAVED = "mlp.json";

  private static final Cleaner CLEANER = Cleaner.create();
  private static final int PREDICT_BATCH = 4096;

  public MlpClassifier {
    if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
    if (!(learningRate > 0)) throw new IllegalArgumentException("learning rate must be > 0");
    if (patience < 0) throw new IllegalArgumentException("patience must be >= 0");
  }

  /** 128-64, at most 20 epochs, batch 32, Adam 1e-3, stopping after 3 epochs without progress. */
  public static MlpClassifier defaults() {
    return new MlpClassifier(TabularMlpOptions.defaults(), 20, 32, 1e-3, 3);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public BinaryModel fit(TabularData train, TabularData validation, long seed) {
    int f = train.columns();
    double[] mean = new double[f];
    double[] scale = new double[f];
    double[][] x = train.features();
    for (double[] row : x) for (int j = 0; j < f; j++) mean[j] += row[j];
    for (int j = 0; j < f; j++) mean[j] /= Math.max(1, x.length);
    for (double[] row : x) {
      for (int j = 0; j < f; j++) scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
    }
    for (int j = 0; j < f; j++) {
      double sd = Math.sqrt(scale[j] / Math.max(1, x.length));
      scale[j] = sd > 0 ? sd : 1;
    }
    float[] y = new float[train.rows()];
    for (int i = 0; i < y.length; i++) y[i] = train.labels()[i];
    boolean validate = validation != null && validation.rows() > 0;
    float[] vy = null;
    if (validate) {
      vy = new float[validation.rows()];
      for (int i = 0; i < vy.length; i++) vy[i] = validation.labels()[i];
    }
    TrainConfig config =
        TrainConfig.builder()
            .epochs(epochs)
            .batchSize(batchSize)
            .learningRate(learningRate)
            .patience(validate ? patience : 0)
            .restoreBest(true)
            .seed(seed)
            .device("cpu")
            .build();
    TabularMlp.Spec spec = new TabularMlp.Spec(f, network.hidden(), 1, MlpHead.BINARY, 0.0);
    TabularMlp mlp = TabularMlp.create(spec, seed, "cpu");
    try {
      TrainingResult r =
          mlp.fit(
              standardise(x, mean, scale),
              y,
              validate ? standardise(validation.features(), mean, scale) : null,
              vy,
              config,
              Progress.NONE);
      String description =
          String.format(
              Locale.ROOT,
              "%s ReLU, Adam %.0e, batch %d, %d epochs (best %d)",
              network.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")),
              learningRate,
              batchSize,
              r.history().size(),
              r.bestEpoch());
      Model model = new Model(mlp, mean, scale, description);
      CLEANER.register(model, new Release(mlp));
      return model;
    } catch (RuntimeException e) {
      mlp.close();
      throw e;
    }
  }

  /** Whether {@code model} was trained by this classifier (and so {@link #save} takes it). */
  public static boolean trained(BinaryModel model) {
    return model instanceof Model;
  }

  /**
   * The files of a model this classifier trained: {@value #SAVED} (the network's shape and the
   * standardisation of its inputs) and {@link ModelStore#WEIGHTS} (DJL's parameter format).
   *
   * @throws IllegalArgumentException for another kind of model
   */
  public static Map<String, byte[]> save(BinaryModel model) {
    if (!(model instanceof Model m)) {
      throw new IllegalArgumentException("not an MLP of this classifier: " + model.name());
    }
    byte[] weights;
    synchronized (m) {
      weights = m.mlp.weights();
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(SAVED, ModelStore.json(new Saved(m.mlp.spec(), m.mean, m.scale)));
    files.put(ModelStore.WEIGHTS, weights);
    return files;
  }

  /**
   * Reads a model written by {@link #save} from {@code dir}, on the CPU as it was trained.
   *
   * @param description the model's description, as {@link BinaryModel#description()} gave it
   * @param featureCount the features it reads
   * @throws InvalidInputException when the files are missing or do not fit together
   * @throws IllegalStateException when the PyTorch engine cannot load
   */
  public static BinaryModel load(Path dir, String description, int featureCount) {
    Path file = dir.resolve(SAVED);
    Saved s = ModelStore.readJson(file, Saved.class);
    if (s.network() == null
        || s.network().inputs() != featureCount
        || s.mean() == null
        || s.scale() == null
        || s.mean().length != featureCount
        || s.scale().length != featureCount
        || s.network().head() != MlpHead.BINARY) {
      throw InvalidInputException.in(file)
          .expected("a binary MLP over " + featureCount + " features with their mean and scale")
          .found(
              s.network() == null
                  ? "no network"
                  : s.network().inputs() + " inputs, " + s.network().head().id() + " head")
          .build();
    }
    byte[] weights;
    try {
      weights = Files.readAllBytes(dir.resolve(ModelStore.WEIGHTS));
    } catch (IOException e) {
      throw InvalidInputException.in(dir.resolve(ModelStore.WEIGHTS))
          .expected("the MLP's weights")
          .found("missing or unreadable (" + e.getMessage() + ")")
          .build();
    }
    TabularMlp mlp = TabularMlp.create(s.network(), 0, "cpu");
    try {
      mlp.loadWeights(weights);
    } catch (RuntimeException e) {
      mlp.close();
      throw InvalidInputException.in(dir.resolve(ModelStore.WEIGHTS))
          .expected("weights matching " + SAVED)
          .found(String.valueOf(e.getMessage()))
          .build(e);
    }
    Model model = new Model(mlp, s.mean(), s.scale(), description);
    CLEANER.register(model, new Release(mlp));
    return model;
  }

  /** {@value #SAVED}: what besides the weights a saved model needs. */
  record Saved(TabularMlp.Spec network, double[] mean, double[] scale) {}

  static float[][] standardise(double[][] x, double[] mean, double[] scale) {
    float[][] out = new float[x.length][];
    for (int i = 0; i < x.length; i++) {
      float[] row = new float[mean.length];
      for (int j = 0; j < row.length; j++) row[j] = (float) ((x[i][j] - mean[j]) / scale[j]);
      out[i] = row;
    }
    return out;
  }

  /** Frees the network's native memory once its model is unreachable. */
  private record Release(TabularMlp mlp) implements Runnable {
    @Override
    public void run() {
      mlp.close();
    }
  }

  /** The trained MLP; calls are serialised (one network, one forward pass at a time). */
  private static final class Model implements BinaryModel {
    private final TabularMlp mlp;
    private final double[] mean;
    private final double[] scale;
    private final String description;

    Model(TabularMlp mlp, double[] mean, double[] scale, String description) {
      this.mlp = mlp;
      this.mean = mean;
      this.scale = scale;
      this.description = description;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String description() {
      return description;
    }

    @Override
    public int featureCount() {
      return mean.length;
    }

    @Override
    public synchronized double[] predictProbability(double[][] rows) {
      float[] p = mlp.predict(standardise(rows, mean, scale), PREDICT_BATCH);
      double[] out = new double[p.length];
      for (int i = 0; i < p.length; i++) out[i] = p[i];
      return out;
    }
  }
}
