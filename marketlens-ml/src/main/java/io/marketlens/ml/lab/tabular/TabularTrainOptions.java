package io.marketlens.ml.lab.tabular;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code marketlens train tabular} trains; the training loop's settings are the {@link
 * io.marketlens.ml.lab.TrainConfig} beside it.
 *
 * @param data the CSV, TSV, JSON Lines or Parquet file
 * @param target the column to predict
 * @param id the identifier column, excluded from the features and written first in predictions;
 *     null to detect one (a text column named like an id whose values are all distinct)
 * @param arch {@code mlp}, {@code gbt} or {@code logistic} (binary targets only; saved only with
 *     {@code out})
 * @param task {@code auto}, {@code classification} or {@code regression}
 * @param out the model directory (required for {@code mlp})
 * @param network the MLP's hidden layers
 * @param testFraction the held-out share, stratified by class
 * @param validationFraction the share taken for validation (early stopping, and the tuning of
 *     {@code gbt}/{@code logistic}) when {@code patience > 0} or the arch is not {@code mlp}
 */
public record TabularTrainOptions(
    Path data,
    String target,
    String id,
    String arch,
    String task,
    Path out,
    TabularMlpOptions network,
    double testFraction,
    double validationFraction) {

  /** The architectures. */
  public static final List<String> ARCHITECTURES = List.of("mlp", "gbt", "logistic");

  /** The tasks. */
  public static final List<String> TASKS = List.of("auto", "classification", "regression");

  public TabularTrainOptions {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(target, "target");
    arch = arch == null ? "mlp" : arch;
    task = task == null ? "auto" : task;
    network = network == null ? TabularMlpOptions.defaults() : network;
    if (!(testFraction > 0 && validationFraction >= 0 && testFraction + validationFraction < 1)) {
      throw new IllegalArgumentException(
          "test and validation fractions must leave training rows: "
              + testFraction
              + ", "
              + validationFraction);
    }
  }

  /** An MLP on {@code data} predicting {@code target}, saved to {@code out}; 20 % held out. */
  public static TabularTrainOptions of(Path data, String target, Path out) {
    return new TabularTrainOptions(data, target, null, "mlp", "auto", out, null, 0.2, 0.1);
  }

  /** These options with another id column. */
  public TabularTrainOptions withId(String idColumn) {
    return new TabularTrainOptions(
        data, target, idColumn, arch, task, out, network, testFraction, validationFraction);
  }

  /** These options with another architecture. */
  public TabularTrainOptions withArch(String architecture) {
    return new TabularTrainOptions(
        data, target, id, architecture, task, out, network, testFraction, validationFraction);
  }

  /** These options with another task. */
  public TabularTrainOptions withTask(String taskName) {
    return new TabularTrainOptions(
        data, target, id, arch, taskName, out, network, testFraction, validationFraction);
  }

  /** These options with other hidden layers. */
  public TabularTrainOptions withNetwork(TabularMlpOptions mlp) {
    return new TabularTrainOptions(
        data, target, id, arch, task, out, mlp, testFraction, validationFraction);
  }
}
