package io.marketlens.cli;

import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.textgen.TextGenFamily;
import io.marketlens.ml.lab.textgen.TextGenOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens train textgen --corpus F [--arch gru|lstm] [--level char|word] --out DIR}: a
 * GRU or LSTM language model over characters or words. Training runs {@code --steps} random-window
 * steps (default 1,000) in epochs of {@code --steps-per-epoch} (default 100), with a checkpoint
 * after each epoch for {@code --resume}; {@code --epochs N} instead trains N such epochs.
 */
@Command(
    name = "textgen",
    mixinStandardHelpOptions = true,
    description = {
      "Train a GRU or LSTM language model on a UTF-8 text (characters or words).",
      "The first 90 %% of the tokens train, the last 10 %% validate. --steps N (default 1000) is"
          + " trained as ceil(N / steps-per-epoch) equal epochs (default 100 steps each), with a"
          + " checkpoint after each epoch; the total is rounded up to a multiple of the epoch"
          + " count."
    })
final class TrainTextGenCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, description = "The training text (UTF-8).")
  Path corpus;

  @Option(names = "--out", required = true, description = "The model directory to write.")
  Path out;

  @Option(names = "--arch", defaultValue = "gru", description = "gru or lstm (default gru).")
  String arch;

  @Option(
      names = "--level",
      defaultValue = "char",
      description = "char or word tokens (default char).")
  String level;

  @Option(names = "--seq", defaultValue = "100", description = "Tokens per window (default 100).")
  int seq;

  @Option(
      names = "--hidden",
      defaultValue = "256",
      description = "Recurrent state size (default 256).")
  int hidden;

  @Option(names = "--embedding", defaultValue = "64", description = "Embedding size (default 64).")
  int embedding;

  @Option(
      names = "--min-count",
      defaultValue = "3",
      description = "Word level: rarer words become <unk> (default 3).")
  int minCount;

  @Option(
      names = "--val-batches",
      defaultValue = "50",
      description = "Seeded random validation batches the validation loss averages (default 50).")
  int valBatches;

  @Option(
      names = "--steps",
      description = "Training steps (default 1000); not together with --epochs.")
  Integer steps;

  @CommandLine.Mixin TrainingOptions training;

  @Override
  public Integer call() {
    TextGenOptions options =
        new TextGenOptions(arch, level, seq, hidden, embedding, minCount, valBatches);
    TrainConfig config = training.apply(TextGenFamily.defaults(), out);
    if (steps != null && training.epochs != null) {
      throw io.marketlens.core.validate.InvalidInputException.usage(
          "--steps or --epochs, not both", "--steps " + steps + " --epochs " + training.epochs);
    }
    if (training.epochs == null) {
      config = TextGenFamily.withSteps(config, steps == null ? TextGenFamily.DEFAULT_STEPS : steps);
    }
    JsonLine.print(TextGenFamily.train(corpus, out, options, config, training.progress()));
    return ExitCodes.OK;
  }
}
