package io.marketlens.cli;

import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.tabular.TabularMlpOptions;
import io.marketlens.ml.lab.tabular.TabularTrainOptions;
import io.marketlens.ml.lab.tabular.TabularTraining;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code marketlens train tabular}: an MLP (or, for comparison, gradient-boosted trees or logistic
 * regression) on the columns of a table; the last stdout line is the training report as JSON.
 */
@Command(
    name = "tabular",
    mixinStandardHelpOptions = true,
    description = {
      "Train a model that predicts one column of a table from the others.",
      "20 % of the rows (stratified by class) are held out for the reported metrics; with"
          + " --patience > 0 another 10 % is used for early stopping. Categorical columns are"
          + " one-hot encoded, numbers standardised, missing values imputed (fitted on the"
          + " training rows only) and saved with the model.",
      "Two classes: sigmoid output and ROC-AUC, accuracy, F1...; more classes: softmax; a"
          + " numeric target with more than 20 values (or --task regression): one value, RMSE,"
          + " MAE and R².",
      "The model is saved to --out and used by 'marketlens evaluate' and 'marketlens predict'."
          + " --arch gbt and --arch logistic (two-class targets) train the churn module's"
          + " gradient-boosted trees / logistic regression on the same split and encoding;"
          + " without --out they only report their held-out metrics."
    })
final class TrainTabularCommand implements Callable<Integer> {

  @Option(
      names = "--data",
      required = true,
      description = "The table: CSV, TSV, JSON Lines or Parquet (optionally gzip-compressed).")
  Path data;

  @Option(names = "--target", required = true, description = "The column to predict.")
  String target;

  @Option(
      names = "--id",
      description =
          "The identifier column: not a feature, written first in predictions (default: a text"
              + " column named like an id, e.g. customerID, whose values are all distinct).")
  String id;

  @Option(
      names = "--arch",
      defaultValue = "mlp",
      description = "mlp (saved), gbt or logistic (metrics only) (default: ${DEFAULT-VALUE}).")
  String arch;

  @Option(
      names = "--task",
      defaultValue = "auto",
      description = "auto, classification or regression (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(
      names = "--hidden",
      split = ",",
      description = "Hidden layer widths of the MLP (default: 128,64).")
  List<Integer> hidden;

  @Option(
      names = "--out",
      description = "The model directory to write (required for mlp; optional for gbt, logistic).")
  Path out;

  @Mixin TrainingOptions training;

  @Override
  public Integer call() {
    TabularMlpOptions network =
        hidden == null || hidden.isEmpty() ? TabularMlpOptions.defaults() : network(hidden);
    TabularTrainOptions options =
        TabularTrainOptions.of(data, target, out)
            .withId(id)
            .withArch(arch)
            .withTask(task)
            .withNetwork(network);
    TrainConfig config =
        training.apply(TabularTraining.defaults(), out != null ? out : Path.of("tabular-model"));
    if (out == null) config = config.toBuilder().checkpoint(null).resume(false).build();
    JsonLine.print(TabularTraining.train(options, config, training.progress()));
    return ExitCodes.OK;
  }

  private static TabularMlpOptions network(List<Integer> widths) {
    try {
      return new TabularMlpOptions(widths);
    } catch (IllegalArgumentException e) {
      throw io.marketlens.core.validate.InvalidInputException.usage(
          "--hidden widths of at least 1, e.g. 128,64", widths.toString());
    }
  }
}
