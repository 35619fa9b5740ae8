package io.marketlens.cli;

import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.textgen.GenerateRequest;
import io.marketlens.ml.lab.textgen.Generation;
import io.marketlens.ml.lab.textgen.TextGenFamily;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens generate --model DIR --prompt TEXT}: samples text from a language model trained
 * with {@code train textgen}. The prompt and its continuation go to standard output; notes go to
 * standard error.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate text from a trained language model (train textgen).")
final class GenerateCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "The model directory.")
  Path model;

  @Option(names = "--prompt", required = true, description = "The text to continue.")
  String prompt;

  @Option(
      names = "--length",
      defaultValue = "200",
      description = "Tokens (characters or words) to generate (default ${DEFAULT-VALUE}).")
  int length;

  @Option(
      names = "--temperature",
      defaultValue = "0.8",
      description =
          "Softmax temperature; 0 = always the likeliest token (default ${DEFAULT-VALUE}).")
  double temperature;

  @Option(
      names = "--top-k",
      defaultValue = "0",
      description = "Draw only from the K likeliest tokens; 0 = all (default ${DEFAULT-VALUE}).")
  int topK;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", defaultValue = "-1", description = "PyTorch threads.")
  int threads;

  @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu.")
  String device;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Generation g =
        TextGenFamily.generate(
            model,
            new GenerateRequest(prompt, length, temperature, topK, seed),
            new RunOptions(threads, device, 1));
    PrintWriter err = spec.commandLine().getErr();
    if (!g.unknownWords().isEmpty()) {
      err.println(
          "note: words the model does not know, read as <unk>: "
              + String.join(", ", g.unknownWords()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(g.text());
    out.flush();
    err.println(
        String.format(
            Locale.ROOT,
            "generated %d tokens in %.2f s (seed %d, temperature %s, top-k %d)",
            g.generatedTokens(),
            g.seconds(),
            seed,
            temperature,
            topK));
    err.flush();
    return ExitCodes.OK;
  }
}
