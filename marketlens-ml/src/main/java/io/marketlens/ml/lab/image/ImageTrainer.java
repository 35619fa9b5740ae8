package io.marketlens.ml.lab.image;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.ClassMetrics;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.LossFunction;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainReport;
import io.marketlens.ml.lab.Trainer;
import io.marketlens.ml.lab.TrainingResult;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains the {@link ImageCnn} on an {@link ImageData.Split}, measures it on the held-out images and
 * saves it with {@link ModelStore}: {@code metadata.json} (task {@code image}, architecture {@code
 * cnn}, input height/width/channels, class names, held-out accuracy, macro-F1, log-loss and
 * confusion matrix, seed, data SHA-256, versions) and {@code weights.params}.
 */
public final class ImageTrainer {

  /** Images per forward pass when measuring the held-out set (the peer's predict batch). */
  public static final int EVAL_BATCH = 1000;

  private ImageTrainer() {}

  /**
   * The seed model's training settings ({@code cnn_fashion.py}): 2 epochs, batch 64, SGD lr 0.01
   * momentum 0.9, seed 42, every epoch a full shuffled pass.
   */
  public static TrainConfig defaults() {
    return TrainConfig.builder()
        .epochs(2)
        .batchSize(64)
        .optimizer(TrainConfig.Optimizer.SGD)
        .learningRate(0.01)
        .momentum(0.9)
        .seed(42)
        .build();
  }

  /**
   * What {@link #train} did.
   *
   * @param report the {@code train} command's JSON line
   * @param training the loop's history and timing
   * @param testProbabilities the held-out images' class probabilities, as measured before saving
   */
  public record Result(TrainReport report, TrainingResult training, float[][] testProbabilities) {}

  /**
   * Reads {@code data} by {@link ImageData}'s convention and trains on it.
   *
   * @param testFraction the share held out when the data have no test part
   */
  public static Result train(
      Path data,
      ImageCnn architecture,
      double testFraction,
      TrainConfig config,
      Path out,
      Progress progress) {
    ImageData.Split split = ImageData.forTraining(data, testFraction, config.seed());
    return train(split, data.toString(), architecture, config, out, progress);
  }

  /**
   * Trains on {@code split.train()}, measures on {@code split.test()}, saves to {@code out}.
   *
   * @param dataName the training data as the user named it, for the metadata
   * @throws InvalidInputException when the training images have fewer than two classes
   */
  public static Result train(
      ImageData.Split split,
      String dataName,
      ImageCnn architecture,
      TrainConfig config,
      Path out,
      Progress progress) {
    ImageSet train = split.train();
    ImageSet test = split.test();
    List<String> classes = train.classNames();
    if (classes.size() < 2) {
      throw InvalidInputException.in(null)
          .key("--data")
          .expected("images of at least 2 classes")
          .found(classes.size() + " class " + classes + " in " + train.source())
          .build();
    }
    ImageSet validation = null;
    if (config.patience() > 0) {
      ImageSet[] parts = ImageData.stratifiedSplit(train, 0.1, Lab.mix(config.seed(), 5));
      train = parts[0];
      validation = parts[1];
    }
    Lab.engine(config.threads());
    try (NDManager manager = NDManager.newBaseManager(Lab.device(config.device()))) {
      SequentialBlock block =
          architecture.build(
              manager,
              train.channels(),
              train.height(),
              train.width(),
              classes.size(),
              config.dropout(),
              config.seed());
      LossFunction loss =
          LossFunction.softmaxCrossEntropy(
              config.balanceClasses() ? balancedWeights(train.classCounts()) : null);
      TrainingResult result =
          Trainer.fit(
              manager,
              block,
              new ImageExamples(train),
              validation == null ? null : new ImageExamples(validation),
              loss,
              config,
              progress);

      long t0 = System.nanoTime();
      float[][] probs =
          ImageClassifier.of(manager, block, test, classes)
              .probabilities(test, EVAL_BATCH, progress);
      double evalSeconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> metrics = ClassMetrics.of(toDouble(probs), test.labels());

      Map<String, Object> details = TrainReport.details(result);
      details.put("trainImages", train.size());
      details.put("testImages", test.size());
      if (validation != null) details.put("validationImages", validation.size());
      details.put("heldOut", split.heldOut());
      details.put("input", train.shape());
      details.put("classes", classes.size());
      details.put(
          "parameters",
          architecture.parameters(train.channels(), train.height(), train.width(), classes.size()));
      details.put("evalImagesPerSecond", Math.round(test.size() / evalSeconds));

      ModelMetadata meta =
          new ModelMetadata(
              ModelStore.SCHEMA_VERSION,
              "image",
              "cnn",
              Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
              config.seed(),
              dataName,
              split.sha256(),
              hyperparameters(architecture, config),
              inputSchema(train, split.format()),
              preprocessing(),
              classes,
              metrics,
              training(result, details),
              Lab.versions());
      ModelStore.save(out, meta, block, Map.of());
      TrainReport report =
          new TrainReport(
              "image", out.toString(), metrics, TrainReport.timing(result, false), details);
      return new Result(report, result, probs);
    }
  }

  /** Weights {@code n / (classes × n_c)} (0 for an absent class). */
  static float[] balancedWeights(int[] counts) {
    long n = 0;
    for (int c : counts) n += c;
    float[] w = new float[counts.length];
    for (int c = 0; c < counts.length; c++) {
      w[c] = counts[c] == 0 ? 0f : (float) ((double) n / (counts.length * (double) counts[c]));
    }
    return w;
  }

  private static Map<String, Object> hyperparameters(ImageCnn arch, TrainConfig c) {
    Map<String, Object> h = arch.toMap(c.dropout());
    h.put("epochs", c.epochs());
    h.put("stepsPerEpoch", c.stepsPerEpoch());
    h.put("batchSize", c.batchSize());
    h.put("optimizer", c.optimizer().name().toLowerCase(java.util.Locale.ROOT));
    h.put("learningRate", c.learningRate());
    h.put("momentum", c.momentum());
    h.put("weightDecay", c.weightDecay());
    h.put("schedule", c.schedule().name().toLowerCase(java.util.Locale.ROOT));
    h.put("warmupSteps", c.warmupSteps());
    h.put("gradientClipNorm", c.gradientClipNorm());
    h.put("patience", c.patience());
    h.put("balanceClasses", c.balanceClasses());
    h.put("initialisation", "glorot-uniform weights, zero biases");
    h.put("loss", "softmax cross-entropy");
    return h;
  }

  private static Map<String, Object> inputSchema(ImageSet train, String format) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("height", train.height());
    m.put("width", train.width());
    m.put("channels", train.channels());
    m.put("layout", "NCHW");
    m.put("format", format);
    return m;
  }

  private static Map<String, Object> preprocessing() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scale", "pixel / 255 (float32), nothing else");
    m.put("grey", "PNG: grey kept, colour to ITU-R BT.601 luma, alpha ignored");
    return m;
  }

  private static Map<String, Object> training(TrainingResult r, Map<String, Object> details) {
    Map<String, Object> m = new LinkedHashMap<>(details);
    m.put("trainSeconds", TrainReport.round(r.trainSeconds()));
    m.put("secondsPerEpoch", TrainReport.round(r.secondsPerEpoch()));
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (TrainingResult.Epoch e : r.history()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("epoch", e.epoch());
      row.put("trainLoss", TrainReport.round(e.trainLoss()));
      if (!Double.isNaN(e.validationLoss())) {
        row.put("validationLoss", TrainReport.round(e.validationLoss()));
      }
      row.put("learningRate", e.learningRate());
      row.put("seconds", TrainReport.round(e.seconds()));
      epochs.add(row);
    }
    m.put("history", epochs);
    return m;
  }

  static double[][] toDouble(float[][] p) {
    double[][] d = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      d[i] = new double[p[i].length];
      for (int j = 0; j < p[i].length; j++) d[i][j] = p[i][j];
    }
    return d;
  }
}
