package io.marketlens.cli;

import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.RunOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens evaluate --model DIR --data F}: a saved model's metrics on labelled data in the
 * format it was trained on; the last stdout line is one JSON object.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = "Print a trained model's metrics on labelled data (one JSON line).")
final class EvaluateCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "The model directory.")
  Path model;

  @Option(names = "--data", required = true, description = "Labelled data, as for training.")
  Path data;

  @Option(names = "--threads", defaultValue = "-1", description = "PyTorch threads.")
  int threads;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
  String device;

  @Option(names = "--batch", defaultValue = "1024", description = "Rows per forward pass.")
  int batch;

  @Override
  public Integer call() {
    JsonLine.print(
        LabModels.evaluate(
            model, data, new RunOptions(threads, device, batch), new TerminalProgress(System.err)));
    return ExitCodes.OK;
  }
}
