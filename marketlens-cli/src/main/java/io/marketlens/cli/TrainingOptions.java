package io.marketlens.cli;

import io.marketlens.core.progress.Progress;
import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.TrainConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The training-loop options every {@code train} subcommand shares. Unset options keep the model
 * family's defaults (the founding documents' settings), so only what the user gives changes.
 */
final class TrainingOptions {

  @Option(names = "--epochs", description = "Passes over the training data.")
  Integer epochs;

  @Option(
      names = "--steps-per-epoch",
      description = "Steps per epoch (random batches) instead of full passes.")
  Integer stepsPerEpoch;

  @Option(names = "--batch", description = "Examples per step.")
  Integer batch;

  @Option(names = "--optimizer", description = "adam or sgd.")
  TrainConfig.Optimizer optimizer;

  @Option(names = "--lr", description = "Learning rate.")
  Double learningRate;

  @Option(names = "--momentum", description = "SGD momentum.")
  Double momentum;

  @Option(names = "--weight-decay", description = "L2 penalty (weight decay).")
  Double weightDecay;

  @Option(names = "--schedule", description = "Learning-rate schedule: constant, step or cosine.")
  TrainConfig.Schedule schedule;

  @Option(names = "--warmup", description = "Linear warm-up steps.")
  Integer warmup;

  @Option(names = "--clip", description = "Clip the gradients' global L2 norm to this (0 = off).")
  Double clip;

  @Option(
      names = "--patience",
      description = "Stop after this many epochs without a better validation loss (0 = off).")
  Integer patience;

  @Option(names = "--dropout", description = "Dropout probability.")
  Double dropout;

  @Option(names = "--balance-classes", description = "Weight classes inversely to their frequency.")
  Boolean balanceClasses;

  @Option(names = "--seed", description = "Seed of every random choice (default 42).")
  Long seed;

  @Option(names = "--threads", description = "PyTorch threads (default: the engine's choice).")
  Integer threads;

  @Option(names = "--device", description = "auto, cpu or gpu (default auto).")
  String device;

  @Option(
      names = "--checkpoint",
      description =
          "Checkpoint file written after each epoch (default: MODEL_DIR.checkpoint beside the model).")
  Path checkpoint;

  @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run.")
  boolean resume;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  /**
   * The family's defaults with every option the user gave applied; checkpoint beside {@code out}.
   */
  TrainConfig apply(TrainConfig defaults, Path out) {
    TrainConfig.Builder b = defaults.toBuilder();
    if (epochs != null) b.epochs(epochs);
    if (stepsPerEpoch != null) b.stepsPerEpoch(stepsPerEpoch);
    if (batch != null) b.batchSize(batch);
    if (optimizer != null) b.optimizer(optimizer);
    if (learningRate != null) b.learningRate(learningRate);
    if (momentum != null) b.momentum(momentum);
    if (weightDecay != null) b.weightDecay(weightDecay);
    if (schedule != null) b.schedule(schedule);
    if (warmup != null) b.warmupSteps(warmup);
    if (clip != null) b.gradientClipNorm(clip);
    if (patience != null) b.patience(patience);
    if (dropout != null) b.dropout(dropout);
    if (balanceClasses != null) b.balanceClasses(balanceClasses);
    if (seed != null) b.seed(seed);
    if (threads != null) b.threads(threads);
    if (device != null) b.device(device);
    Path ckpt = checkpoint;
    if (ckpt == null) {
      Path abs = out.toAbsolutePath().normalize();
      ckpt = abs.resolveSibling(abs.getFileName() + ".checkpoint");
    }
    b.checkpoint(ckpt).resume(resume);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw io.marketlens.core.validate.InvalidInputException.usage(
          "valid training options", e.getMessage());
    }
  }

  /** A terminal progress bar on standard error, or nothing with {@code --quiet}. */
  Progress progress() {
    return quiet ? Progress.NONE : new TerminalProgress(System.err);
  }
}
