package io.marketlens.cli;

import io.marketlens.bench.lab.LabBenchOptions;
import io.marketlens.bench.lab.LabBenchmark;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code marketlens bench lab}: the model-lab architectures beside their PyTorch peers, same data,
 * split, seed, epochs and threads, in one run.
 */
@Command(
    name = "lab",
    mixinStandardHelpOptions = true,
    description =
        "Model lab (MLP, CNN, GRU/LSTM, Transformer) beside the PyTorch peers in the same run.")
final class BenchLabCommand implements Callable<Integer> {

  @Option(names = "--data", required = true, description = "The shared datasets folder.")
  Path data;

  @Option(
      names = "--threads",
      defaultValue = "2",
      description = "Threads, ours and the peers' (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(names = "--seed", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--only",
      split = ",",
      description = "Parts to run: churn, cnn, gru, lstm, transformer (default: all).")
  List<String> only;

  @Option(
      names = "--python",
      defaultValue = "/usr/bin/python3",
      description = "Python with torch (default: ${DEFAULT-VALUE}).")
  Path python;

  @Option(names = "--no-peer", description = "Do not run the PyTorch peers.")
  boolean noPeer;

  @Option(
      names = "--peers",
      description = "Folder of the peer scripts (default: peers/ beside --data).")
  Path peers;

  @Option(names = "--device", defaultValue = "auto", description = "Our device: auto, cpu or gpu.")
  String device;

  @Option(
      names = "--timing-runs",
      defaultValue = "3",
      description =
          "Churn: fresh-process timing runs per side, ours and the peer alternating; medians"
              + " compared (default: ${DEFAULT-VALUE}).")
  int timingRuns;

  @Override
  public Integer call() throws Exception {
    Set<String> parts = new LinkedHashSet<>(only == null ? LabBenchOptions.ALL_PARTS : only);
    for (String p : parts) {
      if (!LabBenchOptions.ALL_PARTS.contains(p)) {
        throw io.marketlens.core.validate.InvalidInputException.usage(
            "--only from " + String.join(", ", LabBenchOptions.ALL_PARTS), p);
      }
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
    Path work = Files.createTempDirectory("marketlens-bench-lab-");
    try {
      LabBenchOptions o =
          new LabBenchOptions(
              data, threads, seed, python, !noPeer, peers, parts, device, work, timingRuns);
      PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
      LabBenchmark.run(o, out, System.err);
      out.flush();
    } finally {
      io.marketlens.core.output.AtomicOutput.deleteTree(work);
    }
    return ExitCodes.OK;
  }
}
