package io.marketlens.ml.lab;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.marketlens.core.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The one training loop of the model lab: seeded mini-batches, Adam or SGD with momentum, a
 * learning-rate schedule, weight decay, gradient-norm clipping, validation after every epoch with
 * early stopping (restoring the best weights), a progress bar with the running loss, and a
 * checkpoint after every epoch from which {@link TrainConfig#resume()} continues.
 *
 * <p>Resuming gives the same result as an uninterrupted run: every epoch's batch order and
 * PyTorch's generator (dropout) are seeded from the run's seed and the epoch number, and the
 * checkpoint holds the weights, the optimiser's moments and the early-stopping state.
 *
 * <p>Only one training runs at a time per JVM (PyTorch's autograd switch is global in DJL).
 */
public final class Trainer {

  private static final String MAGIC = "marketlens-checkpoint";
  private static final int CHECKPOINT_VERSION = 1;

  private Trainer() {}

  /**
   * Trains {@code block} (already initialised on {@code manager}'s device) on {@code train}.
   *
   * @param validation examples for the validation loss and early stopping, or null for none
   * @param progress where the per-epoch bar and running loss go
   * @return the history; the block holds the best epoch's weights when {@code restoreBest}
   */
  public static TrainingResult fit(
      NDManager manager,
      Block block,
      Examples train,
      Examples validation,
      LossFunction loss,
      TrainConfig config,
      Progress progress) {
    return fit(manager, block, train, validation, loss, config, progress, true);
  }

  /**
   * As above; {@code flatUpdates} false updates each parameter on its own instead of through one
   * flat buffer (the results are the same bit for bit; tests compare the two).
   */
  static TrainingResult fit(
      NDManager manager,
      Block block,
      Examples train,
      Examples validation,
      LossFunction loss,
      TrainConfig config,
      Progress progress,
      boolean flatUpdates) {
    if (train.size() == 0) throw new IllegalArgumentException("no training examples");
    Engine engine = Lab.engine(config.threads());
    List<Pair<String, Parameter>> params = new ArrayList<>();
    block.getParameters().forEach(params::add);
    ParameterStore store = new ParameterStore(manager, false);
    int stepsPerEpoch =
        config.stepsPerEpoch() > 0
            ? config.stepsPerEpoch()
            : (train.size() + config.batchSize() - 1) / config.batchSize();
    long totalSteps = (long) stepsPerEpoch * config.epochs();

    try (LabOptimizer optimizer = new LabOptimizer(config, manager, params, flatUpdates)) {
      State state = new State();
      if (config.resume()
          && config.checkpoint() != null
          && Files.isRegularFile(config.checkpoint())) {
        state = readCheckpoint(config, block, manager, optimizer);
      }
      optimizer.prepare();
      int resumedAfter = state.history.size();
      long step = (long) resumedAfter * stepsPerEpoch;
      for (int epoch = resumedAfter + 1; epoch <= config.epochs() && !state.stopped; epoch++) {
        Lab.seed(config.seed(), 2_000L + epoch);
        int[][] plan = plan(train.size(), config, epoch, stepsPerEpoch);
        double lossSum = 0;
        double lr = config.learningRate();
        long t0 = System.nanoTime();
        String name = String.format(Locale.ROOT, "train epoch %d/%d", epoch, config.epochs());
        // The loss is summed on the device and read every 16 steps: reading it every step is a
        // synchronising copy that costs ~5 % of a small model's step.
        // One gradient collector (it switches autograd on; the backward pass itself goes through
        // Native.backward) for the whole epoch rather than one per step:
        // opening one walks every live array of the JVM through JNI to clear gradients, which cost
        // a small model ~10 % of its step. The optimiser clears the gradients it consumes instead,
        // and nothing the step computes besides the forward pass needs a graph (the loss is
        // detached before it is summed).
        try (Progress.Step bar = progress.start(name, plan.length, "steps");
            NDManager epochManager = manager.newSubManager();
            GradientCollector collector = engine.newGradientCollector()) {
          NDArray lossAcc = epochManager.zeros(new ai.djl.ndarray.types.Shape());
          Examples.EpochSource batches = train.epoch(epochManager, plan);
          NDArray ones = null; // d loss / d loss, made once for the epoch (see Native.backward)
          for (int s = 0; s < plan.length; s++, step++) {
            lr = learningRate(config, step, epoch, totalSteps);
            try (NDManager batchManager = manager.newSubManager()) {
              Examples.Batch batch = batches.batch(batchManager, s);
              NDList out = block.forward(store, batch.inputs(), true);
              NDArray value = loss.compute(out, batch.labels());
              if (ones == null) ones = epochManager.ones(value.getShape(), value.getDataType());
              Native.backward(value, ones);
              double scale =
                  config.gradientClipNorm() > 0 ? clipScale(params, config.gradientClipNorm()) : 1;
              optimizer.step(lr, scale);
              NDArray detached = value.stopGradient();
              lossAcc.addi(
                  detached.getDataType() == lossAcc.getDataType()
                      ? detached
                      : detached.toType(lossAcc.getDataType(), false));
            }
            bar.advance(1);
            if ((s & 15) == 15 || s == plan.length - 1) {
              lossSum = lossAcc.getFloat();
              if (!Double.isFinite(lossSum)) {
                throw new IllegalStateException(
                    "training diverged: the loss became "
                        + lossSum
                        + " in epoch "
                        + epoch
                        + " (by step "
                        + (s + 1)
                        + "); lower the learning rate or enable gradient clipping");
              }
              bar.message(String.format(Locale.ROOT, "loss %.4f", lossSum / (s + 1)));
            }
          }
        } finally {
          optimizer.forgetGradients(); // the next epoch's collector starts its own gradients
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double valLoss =
            validation == null
                ? Double.NaN
                : meanLoss(manager, block, store, validation, loss, config);
        state.history.add(
            new TrainingResult.Epoch(
                epoch, lossSum / plan.length, valLoss, lr, plan.length, seconds));
        state.trainSeconds += seconds;
        boolean improved = validation == null || state.bestEpoch == 0 || valLoss < state.bestLoss;
        if (improved) {
          state.bestEpoch = epoch;
          state.bestLoss = valLoss;
          state.bestParams = config.restoreBest() && validation != null ? saveParams(block) : null;
          state.sinceBest = 0;
        } else {
          state.sinceBest++;
          if (config.patience() > 0 && state.sinceBest >= config.patience()) state.stopped = true;
        }
        if (config.checkpoint() != null && (epoch < config.epochs() && !state.stopped)) {
          writeCheckpoint(config, block, optimizer, state);
        }
      }
      if (config.restoreBest()
          && state.bestParams != null
          && state.bestEpoch != state.history.size()) {
        loadParams(block, manager, state.bestParams);
      }
      int bestEpoch =
          config.restoreBest() && validation != null ? state.bestEpoch : state.history.size();
      if (config.checkpoint() != null) {
        try {
          Files.deleteIfExists(config.checkpoint());
        } catch (IOException e) {
          // A stale checkpoint only costs disk space; the model itself is complete.
        }
      }
      return new TrainingResult(
          state.history,
          bestEpoch,
          state.stopped,
          resumedAfter,
          (long) stepsPerEpoch * state.history.size(),
          state.trainSeconds);
    }
  }

  /** The mean loss of {@code block} over {@code examples}, in evaluation mode. */
  public static double meanLoss(
      NDManager manager,
      Block block,
      ParameterStore store,
      Examples examples,
      LossFunction loss,
      TrainConfig config) {
    int batch = Math.max(config.batchSize(), 256);
    double sum = 0;
    int n = examples.size();
    for (int start = 0; start < n; start += batch) {
      int[] idx = range(start, Math.min(n, start + batch));
      try (NDManager m = manager.newSubManager()) {
        Examples.Batch b = examples.batch(m, idx);
        NDList out = block.forward(store, b.inputs(), false);
        sum += loss.compute(out, b.labels()).getFloat() * idx.length;
      }
    }
    return sum / n;
  }

  /** {@code [from, to)} as an array. */
  public static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) r[i] = from + i;
    return r;
  }

  /** The batches of one epoch: a seeded permutation cut into batches, or seeded random draws. */
  static int[][] plan(int size, TrainConfig config, int epoch, int stepsPerEpoch) {
    Random rnd = new Random(Lab.mix(config.seed(), 1_000L + epoch));
    int b = config.batchSize();
    int[][] out = new int[stepsPerEpoch][];
    if (config.stepsPerEpoch() > 0) {
      for (int s = 0; s < stepsPerEpoch; s++) {
        out[s] = new int[b];
        for (int i = 0; i < b; i++) out[s][i] = rnd.nextInt(size);
      }
      return out;
    }
    int[] perm = range(0, size);
    for (int i = size - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    for (int s = 0; s < stepsPerEpoch; s++) {
      int from = s * b;
      out[s] = java.util.Arrays.copyOfRange(perm, from, Math.min(size, from + b));
    }
    return out;
  }

  static double learningRate(TrainConfig c, long step, int epoch, long totalSteps) {
    double base = c.learningRate();
    double lr =
        switch (c.schedule()) {
          case CONSTANT -> base;
          case STEP -> base * Math.pow(c.stepGamma(), (epoch - 1) / c.stepEpochs());
          case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * step / Math.max(1, totalSteps)));
        };
    if (c.warmupSteps() > 0 && step < c.warmupSteps()) lr *= (step + 1.0) / c.warmupSteps();
    return lr;
  }

  private static double clipScale(List<Pair<String, Parameter>> params, double maxNorm) {
    NDManager any = params.get(0).getValue().getArray().getManager();
    try (NDManager tmp = any.newSubManager()) {
      NDArray total = null;
      for (Pair<String, Parameter> p : params) {
        if (!p.getValue().requiresGradient()) continue;
        NDArray g = p.getValue().getArray().getGradient();
        g.attach(tmp);
        NDArray sq = g.square().sum();
        total = total == null ? sq : total.add(sq);
      }
      double norm = total == null ? 0 : Math.sqrt(total.getFloat());
      return norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
    }
  }

  /** The block's weights as bytes (DJL's parameter format). */
  public static byte[] saveParams(Block block) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      block.saveParameters(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Loads weights written by {@link #saveParams}; trainable parameters keep requiring gradients.
   */
  public static void loadParams(Block block, NDManager manager, byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      block.loadParameters(manager, in);
      block
          .getParameters()
          .forEach(
              p -> {
                if (p.getValue().requiresGradient()) {
                  p.getValue().getArray().setRequiresGradient(true);
                }
              });
    } catch (IOException | ai.djl.MalformedModelException e) {
      throw new IllegalStateException("cannot load weights: " + e.getMessage(), e);
    }
  }

  /** Trainer state carried across epochs and checkpoints. */
  private static final class State {
    final List<TrainingResult.Epoch> history = new ArrayList<>();
    int bestEpoch;
    double bestLoss = Double.POSITIVE_INFINITY;
    byte[] bestParams;
    int sinceBest;
    boolean stopped;
    double trainSeconds;
  }

  /** What must match for a checkpoint to be resumed: everything but where and how fast. */
  private static String fingerprint(TrainConfig c) {
    return c.toBuilder()
        .threads(-1)
        .device("auto")
        .checkpoint(null)
        .resume(false)
        .build()
        .toString();
  }

  private static void writeCheckpoint(
      TrainConfig config, Block block, LabOptimizer optimizer, State s) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeUTF(MAGIC);
      out.writeInt(CHECKPOINT_VERSION);
      out.writeUTF(fingerprint(config));
      out.writeInt(s.history.size());
      for (TrainingResult.Epoch e : s.history) {
        out.writeInt(e.epoch());
        out.writeDouble(e.trainLoss());
        out.writeDouble(e.validationLoss());
        out.writeDouble(e.learningRate());
        out.writeInt(e.steps());
        out.writeDouble(e.seconds());
      }
      out.writeInt(s.bestEpoch);
      out.writeDouble(s.bestLoss);
      out.writeInt(s.sinceBest);
      out.writeBoolean(s.stopped);
      out.writeDouble(s.trainSeconds);
      writeBytes(out, saveParams(block));
      writeBytes(out, s.bestParams == null ? new byte[0] : s.bestParams);
      writeBytes(out, optimizer.save());
      out.flush();
      io.marketlens.core.output.AtomicOutput.write(config.checkpoint(), bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + config.checkpoint(), e);
    }
  }

  private static State readCheckpoint(
      TrainConfig config, Block block, NDManager manager, LabOptimizer optimizer) {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(config.checkpoint()))) {
      if (!MAGIC.equals(in.readUTF()) || in.readInt() != CHECKPOINT_VERSION) {
        throw io.marketlens.core.validate.InvalidInputException.in(config.checkpoint())
            .expected("a Marketlens training checkpoint of version " + CHECKPOINT_VERSION)
            .found("another file")
            .build();
      }
      if (!fingerprint(config).equals(in.readUTF())) {
        throw io.marketlens.core.validate.InvalidInputException.in(config.checkpoint())
            .expected("a checkpoint written with the same training settings and seed")
            .found("one written with different settings")
            .hint("rerun with the original settings, or without --resume to start over")
            .build();
      }
      State s = new State();
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        s.history.add(
            new TrainingResult.Epoch(
                in.readInt(),
                in.readDouble(),
                in.readDouble(),
                in.readDouble(),
                in.readInt(),
                in.readDouble()));
      }
      s.bestEpoch = in.readInt();
      s.bestLoss = in.readDouble();
      s.sinceBest = in.readInt();
      s.stopped = in.readBoolean();
      s.trainSeconds = in.readDouble();
      loadParams(block, manager, readBytes(in));
      byte[] best = readBytes(in);
      s.bestParams = best.length == 0 ? null : best;
      optimizer.load(readBytes(in));
      return s;
    } catch (IOException e) {
      throw io.marketlens.core.validate.InvalidInputException.in(config.checkpoint())
          .expected("a complete checkpoint")
          .found("a damaged or truncated file (" + e.getMessage() + ")")
          .hint("delete it and train again without --resume")
          .build();
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return b;
  }
}
