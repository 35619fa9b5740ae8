package io.marketlens.ml.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.marketlens.core.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {

  /** Two noisy interleaved half-moons-like classes that a straight line cannot separate. */
  static final class Rings implements Examples {
    final float[][] x;
    final float[] y;
    int failAfterBatches = -1;
    int batches;

    Rings(int n, long seed) {
      Random r = new Random(seed);
      x = new float[n][2];
      y = new float[n];
      for (int i = 0; i < n; i++) {
        double radius = (i % 2 == 0 ? 1.0 : 2.0) + r.nextGaussian() * 0.15;
        double angle = r.nextDouble() * 2 * Math.PI;
        x[i][0] = (float) (radius * Math.cos(angle));
        x[i][1] = (float) (radius * Math.sin(angle));
        y[i] = i % 2;
      }
    }

    @Override
    public int size() {
      return y.length;
    }

    @Override
    public Batch batch(NDManager manager, int[] indices) {
      if (failAfterBatches >= 0 && batches++ >= failAfterBatches) {
        throw new IllegalStateException("simulated crash");
      }
      float[] flat = new float[indices.length * 2];
      float[] labels = new float[indices.length];
      for (int i = 0; i < indices.length; i++) {
        flat[2 * i] = x[indices[i]][0];
        flat[2 * i + 1] = x[indices[i]][1];
        labels[i] = y[indices[i]];
      }
      return new Batch(
          new NDList(manager.create(flat, new Shape(indices.length, 2))), manager.create(labels));
    }
  }

  private static SequentialBlock mlp(NDManager manager, long seed) {
    SequentialBlock b =
        new SequentialBlock()
            .add(Linear.builder().setUnits(16).build())
            .add(Activation::relu)
            .add(Linear.builder().setUnits(1).build());
    Lab.seed(seed, 0);
    b.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
    return b;
  }

  private static TrainConfig.Builder config() {
    return TrainConfig.builder()
        .epochs(6)
        .batchSize(16)
        .learningRate(0.02)
        .threads(1)
        .device("cpu");
  }

  private static float[] weights(SequentialBlock b) {
    float[] all = new float[0];
    for (var p : b.getParameters()) {
      float[] w = p.getValue().getArray().toFloatArray();
      float[] next = Arrays.copyOf(all, all.length + w.length);
      System.arraycopy(w, 0, next, all.length, w.length);
      all = next;
    }
    return all;
  }

  @Test
  void lossFallsAndValidationIsTracked() {
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
      SequentialBlock b = mlp(m, 1);
      TrainingResult r =
          Trainer.fit(
              m,
              b,
              new Rings(400, 1),
              new Rings(100, 2),
              LossFunction.binaryCrossEntropy(1),
              config().build(),
              Progress.NONE);
      assertThat(r.history()).hasSize(6);
      assertThat(r.last().trainLoss()).isLessThan(r.history().get(0).trainLoss() * 0.7);
      assertThat(r.best().validationLoss()).isLessThan(0.5);
      assertThat(r.steps()).isEqualTo(6 * 25);
    }
  }

  /** 0 Adam; 1 SGD with momentum; 2 and gradient clipping; 3 and weight decay. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3})
  void sameSeedSameWeights(int v) {
    float[][] runs = new float[2][];
    for (int k = 0; k < 2; k++) {
      try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
        SequentialBlock b = mlp(m, 7);
        TrainConfig.Builder c = config().seed(7);
        if (v >= 1) c.optimizer(TrainConfig.Optimizer.SGD).momentum(0.9).learningRate(0.05);
        if (v >= 2) c.gradientClipNorm(1.0);
        if (v >= 3) c.weightDecay(1e-4).schedule(TrainConfig.Schedule.COSINE).warmupSteps(10);
        Trainer.fit(
            m,
            b,
            new Rings(200, 3),
            null,
            LossFunction.binaryCrossEntropy(1),
            c.build(),
            Progress.NONE);
        runs[k] = weights(b);
      }
    }
    assertThat(runs[0]).as("variant " + v).containsExactly(runs[1]);
  }

  /**
   * Updating all parameters through one flat buffer (the default for small models) gives the same
   * weights, bit for bit, as updating each parameter on its own; and the parameters really change
   * (a view that lost its buffer would stay at its initial values).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3})
  void flatUpdatesEqualPerParameterUpdates(int v) {
    float[][] runs = new float[2][];
    float[] initial = null;
    for (int k = 0; k < 2; k++) {
      try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
        SequentialBlock b = mlp(m, 11);
        initial = weights(b);
        TrainConfig.Builder c = config().seed(11).epochs(3);
        if (v >= 1) c.optimizer(TrainConfig.Optimizer.SGD).momentum(0.9).learningRate(0.05);
        if (v >= 2) c.gradientClipNorm(1.0);
        if (v >= 3) c.weightDecay(1e-4).schedule(TrainConfig.Schedule.COSINE).warmupSteps(10);
        Trainer.fit(
            m,
            b,
            new Rings(200, 3),
            null,
            LossFunction.binaryCrossEntropy(1),
            c.build(),
            Progress.NONE,
            k == 0);
        runs[k] = weights(b);
      }
    }
    assertThat(runs[0]).as("variant " + v).containsExactly(runs[1]);
    assertThat(runs[0]).isNotEqualTo(initial);
  }

  @Test
  void resumeAfterACrashEndsWhereAnUninterruptedRunEnds(@TempDir Path dir) {
    Path ckpt = dir.resolve("run.ckpt");
    TrainConfig plain = config().seed(5).build();
    float[] uninterrupted;
    TrainingResult straight;
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
      SequentialBlock b = mlp(m, 5);
      straight =
          Trainer.fit(
              m,
              b,
              new Rings(300, 4),
              new Rings(60, 5),
              LossFunction.binaryCrossEntropy(1),
              plain,
              Progress.NONE);
      uninterrupted = weights(b);
    }
    TrainConfig withCheckpoint = plain.toBuilder().checkpoint(ckpt).resume(true).build();
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
      SequentialBlock b = mlp(m, 5);
      Rings crashing = new Rings(300, 4);
      crashing.failAfterBatches = 19 * 3 + 7; // in the middle of epoch 4
      assertThatThrownBy(
              () ->
                  Trainer.fit(
                      m,
                      b,
                      crashing,
                      new Rings(60, 5),
                      LossFunction.binaryCrossEntropy(1),
                      withCheckpoint,
                      Progress.NONE))
          .hasMessageContaining("simulated crash");
    }
    assertThat(ckpt).exists();
    try (NDManager m = NDManager.newBaseManager(Device.cpu(), Lab.ENGINE)) {
      SequentialBlock b = mlp(m, 99); // different initial weights: the checkpoint must replace them
      TrainingResult resumed =
          Trainer.fit(
              m,
              b,
              new Rings(300, 4),
              new Rings(60, 5),
              LossFunction.binaryCrossEntropy(1),
              withCheckpoint,
              Progress.NONE);
      assertThat(resumed.resumedAfterEpoch()).isEqualTo(3);
      assertThat(weights(b)).containsExactly(uninterrupted);
      assertThat(resumed.last().validationLoss()).isEqualTo(straight.last().validationLoss());
    }
    assertThat(Files.exists(ckpt)).as("checkpoint removed after a completed run").isFalse();
  }
}
