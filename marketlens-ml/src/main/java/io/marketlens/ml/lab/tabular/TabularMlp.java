package io.marketlens.ml.lab.tabular;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.Examples;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.Native;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.Trainer;
import io.marketlens.ml.lab.TrainingResult;
import java.util.List;
import java.util.Objects;

/**
 * A multilayer perceptron over numeric feature rows on DJL / PyTorch: Dense + ReLU (+ dropout)
 * hidden layers and a {@link MlpHead} output layer. Weights are Glorot-uniform and biases zero, as
 * Keras and the peer script {@code churn_mlp.py} initialise them, drawn from PyTorch's generator
 * seeded by the training seed.
 *
 * <p>Rows stay in Java arrays; training copies an epoch's rows to native memory at a time (up to
 * 2^24 values, else a batch at a time), prediction a batch at a time. Predictions for the same
 * weights, rows and batch size are bit-for-bit the same in every process on a machine.
 *
 * <p>Not thread-safe: one thread at a time. Holds native memory until {@link #close()}.
 */
public final class TabularMlp implements AutoCloseable {

  /**
   * The network's shape, enough to rebuild it before loading weights.
   *
   * @param inputs features per row
   * @param hidden hidden layer widths
   * @param outputs output units ({@link MlpHead#outputs(int)})
   * @param head what the outputs mean
   * @param dropout dropout probability after each hidden layer (0: none)
   */
  public record Spec(int inputs, List<Integer> hidden, int outputs, MlpHead head, double dropout) {

    public Spec {
      Objects.requireNonNull(head, "head");
      hidden = List.copyOf(hidden);
      if (inputs < 1) throw new IllegalArgumentException("inputs must be >= 1, got " + inputs);
      if (outputs < 1) throw new IllegalArgumentException("outputs must be >= 1, got " + outputs);
      if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout in [0, 1)");
    }
  }

  private static final Object TRAINING = new Object();

  /**
   * Matrix products of fewer multiply-adds than this run on one thread in training (see {@link
   * #trainingThreads}).
   */
  public static final long SPLIT_PRODUCT = 1L << 20;

  private final Spec spec;
  private final NDManager manager;
  private final SequentialBlock block;
  private TrainingResult result;

  private TabularMlp(Spec spec, NDManager manager, SequentialBlock block) {
    this.spec = spec;
    this.manager = manager;
    this.block = block;
  }

  /**
   * A freshly initialised network on {@code device} ({@code auto}, {@code cpu} or {@code gpu}), its
   * weights drawn from {@code seed}.
   *
   * @throws IllegalStateException when the PyTorch engine cannot load
   */
  public static TabularMlp create(Spec spec, long seed, String device) {
    Device d = Lab.device(device);
    NDManager manager = NDManager.newBaseManager(d, Lab.ENGINE);
    try {
      SequentialBlock block = build(spec);
      Lab.seed(seed, 0);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, spec.inputs()));
      return new TabularMlp(spec, manager, block);
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
  }

  private static SequentialBlock build(Spec spec) {
    SequentialBlock b = new SequentialBlock();
    for (int width : spec.hidden()) {
      b.add(Linear.builder().setUnits(width).build());
      b.add(Activation::relu);
      if (spec.dropout() > 0) b.add(Dropout.builder().optRate((float) spec.dropout()).build());
    }
    b.add(Linear.builder().setUnits(spec.outputs()).build());
    // Glorot uniform: U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). DJL's factor AVG divides the
    // magnitude by (fanIn + fanOut) / 2, so a magnitude of 3 gives Glorot's 6 / (fanIn + fanOut).
    b.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
        Parameter.Type.WEIGHT);
    b.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    return b;
  }

  /** The network's shape. */
  public Spec spec() {
    return spec;
  }

  /** What the last {@link #fit} did, or null before training. */
  public TrainingResult result() {
    return result;
  }

  /**
   * Trains on {@code x} with targets {@code y}: 0/1 for {@link MlpHead#BINARY}, the class index for
   * {@link MlpHead#MULTICLASS}, the (standardised) value for {@link MlpHead#REGRESSION}. With
   * {@code config.balanceClasses()} each class is weighted inversely to its frequency in {@code y}.
   * Trains on at most {@code config.threads()} intra-op threads: on one when the network's products
   * are small (see {@link #trainingThreads}); the thread count is set back afterwards.
   *
   * @param validationX validation rows for early stopping and the best-epoch choice, or null
   * @param validationY their targets, or null
   * @return the training history; the network keeps the best epoch's weights when validating
   */
  public TrainingResult fit(
      float[][] x,
      float[] y,
      float[][] validationX,
      float[] validationY,
      TrainConfig config,
      Progress progress) {
    return fit(x, y, validationX, validationY, config, progress, false);
  }

  /**
   * As {@link #fit(float[][], float[], float[][], float[], TrainConfig, Progress)}; {@code
   * exactThreads} true trains on exactly {@code config.threads()} intra-op threads even when the
   * network is small enough for one (see {@link #trainingThreads}), for comparisons at a fixed
   * thread count.
   */
  public TrainingResult fit(
      float[][] x,
      float[] y,
      float[][] validationX,
      float[] validationY,
      TrainConfig config,
      Progress progress,
      boolean exactThreads) {
    if (x.length != y.length) throw new IllegalArgumentException("x and y differ in rows");
    float[] weights = config.balanceClasses() ? classWeights(y) : null;
    Examples train = new RowExamples(x, y, spec);
    Examples validation =
        validationX == null || validationX.length == 0
            ? null
            : new RowExamples(validationX, validationY, spec);
    // DJL's autograd switch is global: one training at a time in this JVM (e.g. churn candidates
    // of concurrent analyses in the server wait for each other instead of failing).
    synchronized (TRAINING) {
      int cap = config.threads() > 0 ? config.threads() : Lab.intraOpThreads();
      int threads = exactThreads ? cap : trainingThreads(config.batchSize(), cap);
      try {
        result =
            Trainer.fit(
                manager,
                block,
                train,
                validation,
                spec.head().loss(weights),
                config.toBuilder().threads(threads).build(),
                progress);
      } finally {
        if (threads != cap) Lab.engine(cap);
      }
    }
    return result;
  }

  /**
   * The intra-op threads a training step of this network at {@code batchSize} rows uses, at most
   * {@code maxThreads}: one when every matrix product of the step is smaller than {@link
   * #SPLIT_PRODUCT} multiply-adds, else {@code maxThreads}.
   *
   * <p>Why: PyTorch's CPU natives hand each matrix product to MKL, which splits even a 32 × 53 ×
   * 128 product across the threads and wakes a sleeping thread to do so (the launcher makes
   * OpenMP's threads sleep, not spin; see docs/decisions.md). A step of the churn MLP has eight
   * products; on two threads it made eight thread wake-ups (1,400 context switches per epoch) and
   * took 1.27 times as long as on one thread (median of 18 pairs of epochs alternating in one
   * process). A product this small takes tens of microseconds on one core, about what a wake-up
   * costs. OpenBLAS, the peers' BLAS, likewise keeps small products on one thread.
   */
  public int trainingThreads(int batchSize, int maxThreads) {
    if (maxThreads <= 1) return Math.max(1, maxThreads);
    long widest = 0;
    int in = spec.inputs();
    List<Integer> widths = new java.util.ArrayList<>(spec.hidden());
    widths.add(spec.outputs());
    for (int out : widths) {
      widest = Math.max(widest, (long) in * out);
      in = out;
    }
    return (long) batchSize * widest < SPLIT_PRODUCT ? 1 : maxThreads;
  }

  /** Per-class weights {@code n / (classes * n_c)}; null for regression. */
  private float[] classWeights(float[] y) {
    if (spec.head() == MlpHead.REGRESSION) return null;
    int classes = spec.head() == MlpHead.BINARY ? 2 : spec.outputs();
    long[] counts = new long[classes];
    for (float v : y) counts[(int) v]++;
    float[] w = new float[classes];
    for (int c = 0; c < classes; c++) {
      w[c] = counts[c] == 0 ? 0f : (float) ((double) y.length / (classes * (double) counts[c]));
    }
    if (spec.head() == MlpHead.BINARY && (w[0] == 0 || w[1] == 0)) return null;
    return w;
  }

  /**
   * Predictions for {@code rows}, {@code batchSize} rows per forward pass: for each row, P(class 1)
   * (binary), the probability of each class (multi-class) or the standardised value (regression),
   * row after row.
   */
  public float[] predict(float[][] rows, int batchSize) {
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
    int width = spec.outputs();
    float[] out = new float[Math.multiplyExact(rows.length, width)];
    int f = spec.inputs();
    float[] flat = null;
    // A store per call: loading weights replaces the parameters' arrays, which a longer-lived
    // store would keep serving.
    ParameterStore store = new ParameterStore(manager, false);
    for (int start = 0; start < rows.length; start += batchSize) {
      int n = Math.min(batchSize, rows.length - start);
      if (flat == null || flat.length != n * f) flat = new float[n * f];
      for (int i = 0; i < n; i++) {
        float[] row = rows[start + i];
        if (row.length != f) {
          throw new IllegalArgumentException(
              "row " + (start + i) + " has " + row.length + " values, the network takes " + f);
        }
        System.arraycopy(row, 0, flat, i * f, f);
      }
      try (NDManager batch = manager.newSubManager()) {
        NDArray input = batch.create(flat, new Shape(n, f));
        NDArray raw = block.forward(store, new NDList(input), false).head();
        float[] values = spec.head().activate(raw).toFloatArray();
        System.arraycopy(values, 0, out, start * width, values.length);
      }
    }
    return out;
  }

  /**
   * One dense layer's weights as plain arrays, for scoring without the engine: {@code out[o] =
   * bias[o] + sum_i weights[o * inputs + i] * in[i]}.
   *
   * @param inputs the layer's inputs
   * @param outputs the layer's units
   * @param weights {@code outputs × inputs} values, row-major
   * @param bias {@code outputs} values
   */
  public record Dense(int inputs, int outputs, float[] weights, float[] bias) {
    public Dense {
      if (weights.length != inputs * outputs || bias.length != outputs) {
        throw new IllegalArgumentException("weights must be outputs x inputs, bias outputs long");
      }
      weights = weights.clone();
      bias = bias.clone();
    }

    @Override
    public float[] weights() {
      return weights.clone();
    }

    @Override
    public float[] bias() {
      return bias.clone();
    }
  }

  /**
   * The dense layers' weights in order, input layer first (ReLU follows every layer but the last;
   * dropout is the identity at prediction).
   */
  public List<Dense> denseLayers() {
    List<Dense> out = new java.util.ArrayList<>();
    for (ai.djl.util.Pair<String, Block> child : block.getChildren()) {
      if (!(child.getValue() instanceof Linear linear)) continue;
      NDArray w = linear.getParameters().get("weight").getArray();
      NDArray b = linear.getParameters().get("bias").getArray();
      long[] shape = w.getShape().getShape();
      out.add(new Dense((int) shape[1], (int) shape[0], w.toFloatArray(), b.toFloatArray()));
    }
    return out;
  }

  /** The weights in DJL's parameter format. */
  public byte[] weights() {
    return Trainer.saveParams(block);
  }

  /** Replaces the weights with ones written by {@link #weights()} for the same {@link Spec}. */
  public void loadWeights(byte[] weights) {
    Trainer.loadParams(block, manager, weights);
  }

  Block block() {
    return block;
  }

  NDManager manager() {
    return manager;
  }

  @Override
  public void close() {
    manager.close();
  }

  /**
   * Rows as training examples: the rows stay in Java arrays; an epoch's rows are copied to native
   * memory in one go (see {@link #epoch}), other batches one at a time.
   */
  static final class RowExamples implements Examples {
    /** The most values an epoch staged on the device may hold (64 MiB of floats). */
    private static final long STAGE_LIMIT = 1L << 24;

    private final float[][] x;
    private final float[] y;
    private final int features;
    private final boolean classIndex;

    RowExamples(float[][] x, float[] y, Spec spec) {
      this.x = x;
      this.y = y;
      this.features = spec.inputs();
      this.classIndex = spec.head() == MlpHead.MULTICLASS;
    }

    @Override
    public int size() {
      return x.length;
    }

    @Override
    public Batch batch(NDManager manager, int[] indices) {
      return new Batch(new NDList(rows(manager, indices)), labels(manager, indices));
    }

    /**
     * Stages the whole epoch on the device in plan order, one copy for the rows and one for the
     * labels, and hands out each step's batch as a view (a slice): a small network's step then
     * spends no time copying and allocating. Epochs over {@link #STAGE_LIMIT} values are copied
     * batch by batch instead, so that large tables are never duplicated in native memory.
     */
    @Override
    public EpochSource epoch(NDManager epochManager, int[][] plan) {
      int[] order = java.util.Arrays.stream(plan).flatMapToInt(java.util.Arrays::stream).toArray();
      if ((long) order.length * features > STAGE_LIMIT) {
        return Examples.super.epoch(epochManager, plan);
      }
      long[] starts = new long[plan.length + 1];
      for (int s = 0; s < plan.length; s++) starts[s + 1] = starts[s] + plan[s].length;
      NDArray rows = rows(epochManager, order);
      NDArray labels = labels(epochManager, order);
      return (manager, step) ->
          new Batch(
              new NDList(Native.rows(rows, starts[step], starts[step + 1], manager)),
              Native.rows(labels, starts[step], starts[step + 1], manager));
    }

    private NDArray rows(NDManager manager, int[] indices) {
      int n = indices.length;
      float[] flat = new float[n * features];
      for (int i = 0; i < n; i++) System.arraycopy(x[indices[i]], 0, flat, i * features, features);
      return manager.create(flat, new Shape(n, features));
    }

    private NDArray labels(NDManager manager, int[] indices) {
      int n = indices.length;
      if (classIndex) {
        long[] c = new long[n];
        for (int i = 0; i < n; i++) c[i] = (long) y[indices[i]];
        return manager.create(c);
      }
      float[] t = new float[n];
      for (int i = 0; i < n; i++) t[i] = y[indices[i]];
      return manager.create(t, new Shape(n, 1)); // the shape of the output: no reshape
    }
  }
}
