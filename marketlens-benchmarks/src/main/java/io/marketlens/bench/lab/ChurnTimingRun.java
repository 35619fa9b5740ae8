package io.marketlens.bench.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.Lab;
import io.marketlens.ml.lab.TrainConfig;
import io.marketlens.ml.lab.TrainingResult;
import io.marketlens.ml.lab.tabular.TabularMlp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One more timing of the churn seed recipe in a fresh JVM, as the peer's every run is a fresh
 * Python process: {@link #fork} starts this class's {@link #main} with the running JVM's own
 * options (JIT level, heap, offline mode) and class path, and reads the seconds per epoch it prints
 * as its last line of JSON.
 */
public final class ChurnTimingRun {

  private ChurnTimingRun() {}

  /**
   * Trains the seed recipe once in a new JVM.
   *
   * @param exactThreads train on exactly {@code options.threads()} intra-op threads
   * @return its seconds per epoch
   * @throws IllegalStateException when the child fails or prints no figure
   */
  static double fork(LabBenchOptions options, boolean exactThreads, PrintStream err)
      throws InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      // a recording or debugger of this JVM is not the child's business
      if (a.startsWith("-XX:StartFlightRecording") || a.startsWith("-agentlib")) continue;
      cmd.add(a);
    }
    cmd.add("-Dai.djl.pytorch.num_threads=" + options.threads());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ChurnTimingRun.class.getName());
    cmd.add(options.data().toAbsolutePath().toString());
    cmd.add(Long.toString(options.seed()));
    cmd.add(Integer.toString(options.threads()));
    cmd.add(options.device());
    cmd.add(Boolean.toString(exactThreads));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    String last = null;
    try {
      Process proc = pb.start();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(proc.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("{")) last = line;
          else err.println("[churn] (new JVM) " + line);
        }
      }
      int rc = proc.waitFor();
      if (rc != 0 || last == null) {
        throw new IllegalStateException(
            "the churn timing run in a new JVM failed (exit " + rc + ")");
      }
      JsonNode j = new ObjectMapper().readTree(last);
      double s = j.path("s_per_epoch").asDouble(Double.NaN);
      err.printf(
          Locale.ROOT,
          "[churn] ours (new JVM%s): %.3f s/epoch, AUC %.4f%n",
          exactThreads ? ", exactly " + options.threads() + " intra-op threads" : "",
          s,
          j.path("auc").asDouble(Double.NaN));
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM for the churn timing run", e);
    }
  }

  /**
   * Arguments: datasets folder, seed, threads, device, and whether to train on exactly that many
   * intra-op threads ({@link TabularMlp#fit(float[][], float[], float[][], float[], TrainConfig,
   * Progress, boolean)}). Prints {@code {"s_per_epoch": ..., "auc": ...}}.
   */
  public static void main(String[] args) {
    LabBenchOptions o =
        new LabBenchOptions(
            Path.of(args[0]),
            Integer.parseInt(args[2]),
            Long.parseLong(args[1]),
            null,
            false,
            null,
            Set.of("churn"),
            args[3],
            null,
            1);
    ChurnMlpBench.Prepared p = ChurnMlpBench.prepare(o);
    Lab.engine(o.threads());
    try (TabularMlp mlp =
        TabularMlp.create(ChurnMlpBench.recipeSpec(p.width()), o.seed(), o.device())) {
      TrainingResult r =
          mlp.fit(
              p.xTrain(),
              p.yTrain(),
              null,
              null,
              ChurnMlpBench.recipeConfig(o),
              Progress.NONE,
              args.length > 4 && Boolean.parseBoolean(args[4]));
      System.out.printf(
          Locale.ROOT,
          "{\"s_per_epoch\": %.6f, \"auc\": %.6f}%n",
          r.secondsPerEpoch(),
          ChurnMlpBench.testAuc(mlp, p));
    }
  }
}
