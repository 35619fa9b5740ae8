package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import io.marketlens.bench.PythonRun;
import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.image.IdxReader;
import io.marketlens.ml.lab.image.ImageClassifier;
import io.marketlens.ml.lab.image.ImageCnn;
import io.marketlens.ml.lab.image.ImageData;
import io.marketlens.ml.lab.image.ImageSet;
import io.marketlens.ml.lab.image.ImageTrainer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench lab} part {@code cnn}: the seed CNN (Conv 32@3×3 → ReLU → Dense 128 → ReLU → Dense
 * 10, Glorot-uniform, SGD 0.01 momentum 0.9, batch 64, 2 epochs) beside {@code
 * shared/peers/cnn_fashion.py} with the same data, split, seed, epochs, batch and threads. Quality:
 * test accuracy; time: seconds per epoch; extras: training seconds and inference images/s (batches
 * of 1,000, argmax included; the model loaded from disk, no warm-up, as the peer times its trained
 * model).
 *
 * <p>Data: Fashion-MNIST's 60,000 train / 10,000 t10k images (the default), or the peer's {@code
 * --dataset mnist_t10k} smoke test: the first 8,000 MNIST t10k images for training, the last 2,000
 * for testing.
 */
final class CnnBench implements LabBenchPart {

  /** The data sets the peer script offers. */
  enum Dataset {
    /** Fashion-MNIST, 60k train / 10k test (the peer's default). */
    FASHION_MNIST("fashion_mnist"),
    /** MNIST t10k: first 8,000 train, last 2,000 test (the peer's smoke test). */
    MNIST_T10K("mnist_t10k");

    final String dir;

    Dataset(String dir) {
      this.dir = dir;
    }
  }

  private static final int PREDICT_BATCH = 1000;

  private final Dataset dataset;
  private final int epochs;

  /** The default: full Fashion-MNIST, the peer's 2 epochs. */
  CnnBench() {
    this(Dataset.FASHION_MNIST, 2);
  }

  /**
   * Another data set or number of epochs (the peer is run with the same).
   *
   * @param dataset which data
   * @param epochs passes over the training images
   */
  CnnBench(Dataset dataset, int epochs) {
    this.dataset = dataset;
    this.epochs = epochs;
  }

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public LabBenchResult run(LabBenchOptions options, PrintStream err) throws InterruptedException {
    Path dir = options.data().resolve(dataset.dir);
    ImageData.Split split = split(dir, options.seed());
    TrainConfig config =
        ImageTrainer.defaults().toBuilder()
            .epochs(epochs)
            .seed(options.seed())
            .threads(options.threads())
            .device(options.device())
            .build();
    Path model = options.work().resolve("cnn-" + dataset.dir);
    err.printf(
        Locale.ROOT,
        "[cnn] ours: %s, train %d, test %d, %d epochs, %d threads%n",
        dataset.dir,
        split.train().size(),
        split.test().size(),
        epochs,
        options.threads());
    ImageTrainer.Result trained =
        ImageTrainer.train(
            split, dir.toString(), ImageCnn.seed(), config, model, new TerminalProgress(err));
    double accuracy = ((Number) trained.report().metrics().get("accuracy")).doubleValue();
    double trainSeconds = trained.training().trainSeconds();
    double perEpoch = trained.training().secondsPerEpoch();
    double imagesPerSecond;
    int[] predicted;
    try (ImageClassifier c =
        ImageClassifier.load(
            ModelStore.load(model),
            new RunOptions(options.threads(), options.device(), PREDICT_BATCH))) {
      long t0 = System.nanoTime();
      predicted = c.classify(split.test(), PREDICT_BATCH);
      imagesPerSecond = split.test().size() / ((System.nanoTime() - t0) / 1e9);
    }
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) if (predicted[i] == split.test().label(i)) correct++;
    err.printf(
        Locale.ROOT,
        "[cnn] ours: test accuracy %.4f (reloaded model: %.4f), %.2f s/epoch, %.0f images/s%n",
        accuracy,
        (double) correct / predicted.length,
        perEpoch,
        imagesPerSecond);

    double peerAccuracy = Double.NaN;
    double peerPerEpoch = Double.NaN;
    double peerTrain = Double.NaN;
    double peerImages = Double.NaN;
    List<String> notes = new ArrayList<>();
    if (options.runPeer()) {
      try {
        JsonNode peer =
            LabPeer.run(
                options,
                "cnn_fashion.py",
                List.of(
                    "--epochs",
                    Integer.toString(epochs),
                    "--batch",
                    "64",
                    "--predict-batch",
                    Integer.toString(PREDICT_BATCH),
                    "--dataset",
                    dataset.dir),
                err);
        peerAccuracy = peer.path("test_accuracy").asDouble(Double.NaN);
        peerPerEpoch = peer.path("s_per_epoch").asDouble(Double.NaN);
        peerTrain = peer.path("train_s").asDouble(Double.NaN);
        peerImages = peer.path("images_per_s").asDouble(Double.NaN);
        notes.add("peer torch " + peer.path("torch").asText("?"));
      } catch (PythonRun.UnavailableException e) {
        notes.add("peer not run: " + e.getMessage());
      } catch (RuntimeException e) {
        notes.add("peer output unreadable: " + e.getMessage());
      }
    } else {
      notes.add("peer not run (--no-peer)");
    }

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("train_s", pair(trainSeconds, peerTrain));
    extra.put("images_per_s", pair(imagesPerSecond, peerImages));
    extra.put("predict_batch", PREDICT_BATCH);
    extra.put("epochs", epochs);
    extra.put("batch", config.batchSize());
    extra.put("n_train", split.train().size());
    extra.put("n_test", split.test().size());
    return new LabBenchResult(
        "cnn",
        dataset.dir
            + " "
            + shortCount(split.train().size())
            + "/"
            + shortCount(split.test().size()),
        "test_accuracy",
        true,
        accuracy,
        peerAccuracy,
        "s_per_epoch",
        perEpoch,
        peerPerEpoch,
        extra,
        String.join("; ", notes));
  }

  private ImageData.Split split(Path dir, long seed) {
    if (dataset == Dataset.FASHION_MNIST) return ImageData.forTraining(dir, 0.2, seed);
    Path images = dir.resolve("t10k-images-idx3-ubyte.gz");
    Path labels = dir.resolve("t10k-labels-idx1-ubyte.gz");
    ImageSet all = IdxReader.read(images, labels);
    return new ImageData.Split(
        all.slice(0, 8000),
        all.slice(8000, all.size()),
        "the last " + (all.size() - 8000) + " t10k images",
        "idx",
        List.of(images, labels),
        "");
  }

  private static Map<String, Object> pair(double ours, double peer) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ours", round(ours));
    m.put("peer", round(peer));
    return m;
  }

  private static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : v;
  }

  private static String shortCount(int n) {
    return n % 1000 == 0 ? (n / 1000) + "k" : Integer.toString(n);
  }
}
