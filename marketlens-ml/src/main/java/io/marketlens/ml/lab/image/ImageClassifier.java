package io.marketlens.ml.lab.image;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.validate.InvalidInputException;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.ModelMetadata;
import io.marketlens.ml.lab.ModelStore;
import io.marketlens.ml.lab.RunOptions;
import java.util.List;
import java.util.Map;

/**
 * A saved image model loaded for inference: class probabilities or classes for an {@link ImageSet}
 * of the model's input size, in batches. Holds native memory: close it. Not thread-safe.
 *
 * <p>On one machine and thread count, a reloaded model gives bit-for-bit the probabilities measured
 * at training time when the batch size is the same ({@link ImageTrainer#EVAL_BATCH}); another batch
 * size can change the last bits (about 1e-7), because the BLAS kernels split the work differently.
 */
public final class ImageClassifier implements AutoCloseable {

  private final NDManager manager;
  private final boolean ownsManager;
  private final Block block;
  private final int height;
  private final int width;
  private final int channels;
  private final List<String> classNames;
  private final String name;

  private ImageClassifier(
      NDManager manager,
      boolean ownsManager,
      Block block,
      int height,
      int width,
      int channels,
      List<String> classNames,
      String name) {
    this.manager = manager;
    this.ownsManager = ownsManager;
    this.block = block;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.classNames = List.copyOf(classNames);
    this.name = name;
  }

  /**
   * Loads a model written by {@link ImageTrainer}.
   *
   * @throws InvalidInputException when the model is not an image CNN or its files do not match
   */
  public static ImageClassifier load(ModelStore.SavedModel model, RunOptions run) {
    ModelMetadata meta = model.metadata();
    if (!"image".equals(meta.task()) || !"cnn".equals(meta.architecture())) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("architecture")
          .expected("an image cnn model")
          .found(meta.task() + " " + meta.architecture())
          .build();
    }
    Map<String, Object> in = meta.inputSchema();
    int h = intOf(model, in, "height");
    int w = intOf(model, in, "width");
    int c = intOf(model, in, "channels");
    ImageCnn arch;
    double dropout;
    try {
      arch = ImageCnn.fromMap(meta.hyperparameters());
      dropout = ((Number) meta.hyperparameters().getOrDefault("dropout", 0.0)).doubleValue();
    } catch (RuntimeException e) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("hyperparameters")
          .expected("filters, kernel and hidden of the CNN")
          .found(String.valueOf(meta.hyperparameters()))
          .build();
    }
    Lab.engine(run.threads());
    NDManager manager = NDManager.newBaseManager(Lab.device(run.device()));
    try {
      Block block = arch.build(manager, c, h, w, meta.labels().size(), dropout, meta.seed());
      model.loadWeights(block, manager);
      return new ImageClassifier(
          manager, true, block, h, w, c, meta.labels(), model.dir().toString());
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  /** A view of a block being trained (the manager stays the caller's). */
  static ImageClassifier of(
      NDManager manager, Block block, ImageSet like, List<String> classNames) {
    return new ImageClassifier(
        manager,
        false,
        block,
        like.height(),
        like.width(),
        like.channels(),
        classNames,
        "the model");
  }

  /** The class names, in output order. */
  public List<String> classNames() {
    return classNames;
  }

  /** The input size the model takes. */
  public PngFolderReader.Size inputSize() {
    return new PngFolderReader.Size(height, width, "the model's input (" + name + ")");
  }

  /** Throws when {@code set}'s images are not of the model's input size and channels. */
  public void check(ImageSet set) {
    if (set.height() != height || set.width() != width || set.channels() != channels) {
      throw InvalidInputException.in(null)
          .key("--data")
          .expected(
              "images of "
                  + height
                  + "×"
                  + width
                  + "×"
                  + channels
                  + " (height×width×channels, the model's input)")
          .found(set.shape() + " in " + set.source())
          .build();
    }
  }

  /** Class probabilities (softmax) of every image, batch by batch. */
  public float[][] probabilities(ImageSet set, int batchSize, Progress progress) {
    check(set);
    int n = set.size();
    int k = classNames.size();
    float[][] out = new float[n][];
    ImageExamples examples = new ImageExamples(set);
    ParameterStore store = new ParameterStore(manager, false);
    try (Progress.Step step = progress.start("predict " + set.source(), n, "images")) {
      for (int start = 0; start < n; start += batchSize) {
        int end = Math.min(n, start + batchSize);
        try (NDManager m = manager.newSubManager()) {
          NDList x = examples.batch(m, range(start, end)).inputs();
          NDArray p = block.forward(store, x, false).head().softmax(1);
          float[] flat = p.toFloatArray();
          for (int i = start; i < end; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, (i - start) * k, (i - start + 1) * k);
          }
        }
        step.advance(end - start);
      }
    }
    return out;
  }

  /** The most probable class of every image (argmax of the logits), batch by batch. */
  public int[] classify(ImageSet set, int batchSize) {
    check(set);
    int n = set.size();
    int[] out = new int[n];
    ImageExamples examples = new ImageExamples(set);
    ParameterStore store = new ParameterStore(manager, false);
    for (int start = 0; start < n; start += batchSize) {
      int end = Math.min(n, start + batchSize);
      try (NDManager m = manager.newSubManager()) {
        NDList x = examples.batch(m, range(start, end)).inputs();
        long[] best = block.forward(store, x, false).head().argMax(1).toLongArray();
        for (int i = start; i < end; i++) out[i] = (int) best[i - start];
      }
    }
    return out;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  private static int intOf(ModelStore.SavedModel model, Map<String, Object> in, String key) {
    Object v = in.get(key);
    if (!(v instanceof Number)) {
      throw InvalidInputException.in(model.dir().resolve(ModelStore.METADATA))
          .key("inputSchema." + key)
          .expected("an integer")
          .found(String.valueOf(v))
          .build();
    }
    return ((Number) v).intValue();
  }

  @Override
  public void close() {
    if (ownsManager) manager.close();
  }
}
