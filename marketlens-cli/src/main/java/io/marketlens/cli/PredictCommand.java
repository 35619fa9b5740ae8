package io.marketlens.cli;

import io.marketlens.core.progress.TerminalProgress;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.RunOptions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens predict --model DIR --data F [--out F]}: predictions as CSV, to a file (written
 * atomically, then a JSON summary line) or to standard output.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Predict with a trained model; CSV to --out or standard output.")
final class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "The model directory.")
  Path model;

  @Option(
      names = "--data",
      required = true,
      description = "Data in the format the model was trained on.")
  Path data;

  @Option(names = "--out", description = "CSV file to write (default: standard output).")
  Path out;

  @Option(names = "--threads", defaultValue = "-1", description = "PyTorch threads.")
  int threads;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
  String device;

  @Option(names = "--batch", defaultValue = "10000", description = "Rows per forward pass.")
  int batch;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    long rows =
        LabModels.predict(
            model,
            data,
            out,
            System.out,
            new RunOptions(threads, device, batch),
            new TerminalProgress(System.err));
    System.out.flush();
    if (out != null) {
      double s = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("model", model.toString());
      summary.put("out", out.toString());
      summary.put("rows", rows);
      summary.put("seconds", Math.round(s * 1000) / 1000.0);
      JsonLine.print(summary);
    }
    return ExitCodes.OK;
  }
}
