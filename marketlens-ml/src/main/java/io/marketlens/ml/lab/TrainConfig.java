package io.marketlens.ml.lab;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the {@link Trainer} trains: every knob of the loop in one immutable value. Model-specific
 * settings (layer sizes) belong to the model family; settings that change the loss or the block but
 * are common to all families ({@code dropout}, {@code balanceClasses}) are carried here so every
 * family reads them the same way.
 *
 * @param epochs passes over the training examples (or, with {@code stepsPerEpoch > 0}, rounds of
 *     that many steps)
 * @param stepsPerEpoch 0: an epoch is one shuffled pass; otherwise each epoch is this many steps of
 *     {@code batchSize} examples drawn at random with replacement (as the peers' language models
 *     do)
 * @param batchSize examples per step
 * @param optimizer Adam or SGD
 * @param learningRate the base learning rate
 * @param momentum SGD momentum (ignored by Adam)
 * @param weightDecay L2 penalty added to the gradient (PyTorch's {@code weight_decay})
 * @param schedule how the learning rate changes over training
 * @param warmupSteps linear warm-up from 0 to the base rate over this many steps (0 = none)
 * @param stepEpochs for {@link Schedule#STEP}: multiply by {@code stepGamma} every this many epochs
 * @param stepGamma for {@link Schedule#STEP}: the factor
 * @param gradientClipNorm rescale gradients whose global L2 norm exceeds this (0 = off)
 * @param patience early stopping: stop after this many epochs without a better validation loss (0 =
 *     never stop early)
 * @param restoreBest keep the weights of the epoch with the best validation loss
 * @param dropout dropout probability in the families that have dropout layers
 * @param balanceClasses weight each class inversely to its frequency in the loss
 * @param seed the seed of every random choice
 * @param threads PyTorch intra-op threads ({@code <= 0}: the engine's default)
 * @param device {@code auto}, {@code cpu} or {@code gpu}
 * @param checkpoint the checkpoint file written after each epoch (null: none)
 * @param resume continue from {@code checkpoint} when it exists
 */
public record TrainConfig(
    int epochs,
    int stepsPerEpoch,
    int batchSize,
    Optimizer optimizer,
    double learningRate,
    double momentum,
    double weightDecay,
    Schedule schedule,
    int warmupSteps,
    int stepEpochs,
    double stepGamma,
    double gradientClipNorm,
    int patience,
    boolean restoreBest,
    double dropout,
    boolean balanceClasses,
    long seed,
    int threads,
    String device,
    Path checkpoint,
    boolean resume) {

  /** The optimisers. */
  public enum Optimizer {
    ADAM,
    SGD
  }

  /** Learning-rate schedules, applied after any warm-up. */
  public enum Schedule {
    /** The base rate throughout. */
    CONSTANT,
    /** The base rate times {@code stepGamma} every {@code stepEpochs} epochs. */
    STEP,
    /** Cosine decay from the base rate to 0 over all steps. */
    COSINE
  }

  public TrainConfig {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(device, "device");
    if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
    if (stepsPerEpoch < 0) throw new IllegalArgumentException("stepsPerEpoch must be >= 0");
    if (batchSize < 1) throw new IllegalArgumentException("batch size must be >= 1");
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
    }
    if (momentum < 0 || momentum >= 1) throw new IllegalArgumentException("momentum in [0, 1)");
    if (weightDecay < 0) throw new IllegalArgumentException("weight decay must be >= 0");
    if (dropout < 0 || dropout >= 1) throw new IllegalArgumentException("dropout in [0, 1)");
    if (gradientClipNorm < 0) throw new IllegalArgumentException("clip norm must be >= 0");
    if (patience < 0) throw new IllegalArgumentException("patience must be >= 0");
    if (stepEpochs < 1) throw new IllegalArgumentException("stepEpochs must be >= 1");
    if (warmupSteps < 0) throw new IllegalArgumentException("warmupSteps must be >= 0");
  }

  /** A builder starting from Adam 1e-3, batch 32, 10 epochs, seed 42, no early stopping. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this configuration. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.epochs = epochs;
    b.stepsPerEpoch = stepsPerEpoch;
    b.batchSize = batchSize;
    b.optimizer = optimizer;
    b.learningRate = learningRate;
    b.momentum = momentum;
    b.weightDecay = weightDecay;
    b.schedule = schedule;
    b.warmupSteps = warmupSteps;
    b.stepEpochs = stepEpochs;
    b.stepGamma = stepGamma;
    b.gradientClipNorm = gradientClipNorm;
    b.patience = patience;
    b.restoreBest = restoreBest;
    b.dropout = dropout;
    b.balanceClasses = balanceClasses;
    b.seed = seed;
    b.threads = threads;
    b.device = device;
    b.checkpoint = checkpoint;
    b.resume = resume;
    return b;
  }

  /** Mutable builder; {@link #build()} validates. */
  public static final class Builder {
    private int epochs = 10;
    private int stepsPerEpoch;
    private int batchSize = 32;
    private Optimizer optimizer = Optimizer.ADAM;
    private double learningRate = 1e-3;
    private double momentum;
    private double weightDecay;
    private Schedule schedule = Schedule.CONSTANT;
    private int warmupSteps;
    private int stepEpochs = 1;
    private double stepGamma = 1.0;
    private double gradientClipNorm;
    private int patience;
    private boolean restoreBest = true;
    private double dropout;
    private boolean balanceClasses;
    private long seed = 42;
    private int threads = -1;
    private String device = "auto";
    private Path checkpoint;
    private boolean resume;

    private Builder() {}

    public Builder epochs(int v) {
      epochs = v;
      return this;
    }

    public Builder stepsPerEpoch(int v) {
      stepsPerEpoch = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder optimizer(Optimizer v) {
      optimizer = v;
      return this;
    }

    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    public Builder momentum(double v) {
      momentum = v;
      return this;
    }

    public Builder weightDecay(double v) {
      weightDecay = v;
      return this;
    }

    public Builder schedule(Schedule v) {
      schedule = v;
      return this;
    }

    public Builder warmupSteps(int v) {
      warmupSteps = v;
      return this;
    }

    /** {@link Schedule#STEP}: multiply the rate by {@code gamma} every {@code everyEpochs}. */
    public Builder stepDecay(int everyEpochs, double gamma) {
      stepEpochs = everyEpochs;
      stepGamma = gamma;
      return this;
    }

    public Builder gradientClipNorm(double v) {
      gradientClipNorm = v;
      return this;
    }

    public Builder patience(int v) {
      patience = v;
      return this;
    }

    public Builder restoreBest(boolean v) {
      restoreBest = v;
      return this;
    }

    public Builder dropout(double v) {
      dropout = v;
      return this;
    }

    public Builder balanceClasses(boolean v) {
      balanceClasses = v;
      return this;
    }

    public Builder seed(long v) {
      seed = v;
      return this;
    }

    public Builder threads(int v) {
      threads = v;
      return this;
    }

    public Builder device(String v) {
      device = v;
      return this;
    }

    public Builder checkpoint(Path v) {
      checkpoint = v;
      return this;
    }

    public Builder resume(boolean v) {
      resume = v;
      return this;
    }

    public TrainConfig build() {
      return new TrainConfig(
          epochs,
          stepsPerEpoch,
          batchSize,
          optimizer,
          learningRate,
          momentum,
          weightDecay,
          schedule,
          warmupSteps,
          stepEpochs,
          stepGamma,
          gradientClipNorm,
          patience,
          restoreBest,
          dropout,
          balanceClasses,
          seed,
          threads,
          device,
          checkpoint,
          resume);
    }
  }
}
