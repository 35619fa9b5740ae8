package io.marketlens.ml.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code marketlens train} prints as its last line (DESIGN §4.1): the task, the model
 * directory, held-out metrics and timing, plus family-specific details.
 *
 * @param task the task name
 * @param model the model directory
 * @param metrics held-out metrics by name ({@code auc}, {@code accuracy}, {@code valLoss}, ...)
 * @param timing {@code trainSeconds} and {@code secondsPerEpoch} or {@code secondsPerStep}
 * @param details anything else worth a line (epochs run, best epoch, sizes)
 */
public record TrainReport(
    String task,
    String model,
    Map<String, Object> metrics,
    Map<String, Object> timing,
    Map<String, Object> details) {

  /** The standard timing block of a training result. */
  public static Map<String, Object> timing(TrainingResult r, boolean perStep) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("trainSeconds", round(r.trainSeconds()));
    if (perStep) t.put("secondsPerStep", round(r.secondsPerStep()));
    else t.put("secondsPerEpoch", round(r.secondsPerEpoch()));
    return t;
  }

  /** The standard details of a training result. */
  public static Map<String, Object> details(TrainingResult r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("epochs", r.history().size());
    d.put("bestEpoch", r.bestEpoch());
    d.put("stoppedEarly", r.stoppedEarly());
    d.put("resumedAfterEpoch", r.resumedAfterEpoch());
    d.put("steps", r.steps());
    d.put("finalTrainLoss", round(r.last().trainLoss()));
    if (!Double.isNaN(r.best().validationLoss()))
      d.put("bestValidationLoss", round(r.best().validationLoss()));
    return d;
  }

  /** Rounds to 6 significant decimals for printing. */
  public static double round(double v) {
    if (!Double.isFinite(v)) return v;
    return Math.round(v * 1e6) / 1e6;
  }
}
