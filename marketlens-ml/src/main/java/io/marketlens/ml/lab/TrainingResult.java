package io.marketlens.ml.lab;

import java.util.List;

/**
 * What a {@link Trainer#fit} run did.
 *
 * @param history one record per epoch, including epochs run before a resume
 * @param bestEpoch the 1-based epoch whose weights the block holds now
 * @param stoppedEarly whether early stopping ended training before the last epoch
 * @param resumedAfterEpoch the last epoch restored from a checkpoint (0: started fresh)
 * @param steps optimisation steps in all
 * @param trainSeconds time spent in training steps (validation excluded), all epochs
 */
public record TrainingResult(
    List<Epoch> history,
    int bestEpoch,
    boolean stoppedEarly,
    int resumedAfterEpoch,
    long steps,
    double trainSeconds) {

  public TrainingResult {
    history = List.copyOf(history);
  }

  /**
   * One epoch.
   *
   * @param epoch 1-based
   * @param trainLoss the mean training loss over the epoch's steps
   * @param validationLoss the mean validation loss after the epoch (NaN without validation data)
   * @param learningRate the rate at the epoch's last step
   * @param steps the epoch's optimisation steps
   * @param seconds the epoch's training time (validation excluded)
   */
  public record Epoch(
      int epoch,
      double trainLoss,
      double validationLoss,
      double learningRate,
      int steps,
      double seconds) {}

  /** The mean training seconds per epoch. */
  public double secondsPerEpoch() {
    return history.isEmpty() ? 0 : trainSeconds / history.size();
  }

  /** The mean training seconds per optimisation step. */
  public double secondsPerStep() {
    return steps == 0 ? 0 : trainSeconds / steps;
  }

  /** The last epoch's record. */
  public Epoch last() {
    return history.get(history.size() - 1);
  }

  /** The record of {@link #bestEpoch()}. */
  public Epoch best() {
    return history.get(bestEpoch - 1);
  }
}
