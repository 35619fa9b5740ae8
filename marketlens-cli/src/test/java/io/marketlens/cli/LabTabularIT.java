package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.core.progress.Progress;
import io.marketlens.ml.lab.LabModels;
import io.marketlens.ml.lab.RunOptions;
import io.marketlens.ml.lab.tabular.TabularSplit;
import io.marketlens.ml.tabular.StratifiedSplit;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tabular model trained here and loaded by another JVM (the packaged {@code marketlens}) gives
 * the same numbers: {@code evaluate} on the held-out rows reproduces the training report's metrics
 * exactly, and {@code predict} writes the same bytes as an in-process prediction.
 */
class LabTabularIT {

  private static final Path JAR = Path.of("target", "marketlens-cli.jar");

  @Test
  void trainHere_evaluateAndPredictInAnotherProcess_sameNumbers(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isRegularFile(JAR), "run after package: target/marketlens-cli.jar missing");
    Path model = dir.resolve("model");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    CliRun run;
    try {
      run =
          CliRun.of(
              "train",
              "tabular",
              "--data",
              TrainTabularCommandTest.SLICE.toString(),
              "--target",
              "Churn",
              "--epochs",
              "3",
              "--hidden",
              "16",
              "--seed",
              "5",
              "--threads",
              "1",
              "--device",
              "cpu",
              "--quiet",
              "--out",
              model.toString());
    } finally {
      System.setOut(saved);
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = lastJson(stdout.toString(StandardCharsets.UTF_8));

    // The held-out rows, as training chose them (stratified 80/20 by the seed, no validation).
    List<String> lines = Files.readAllLines(TrainTabularCommandTest.SLICE);
    int n = lines.size() - 1;
    int[] labels = new int[n];
    int[] all = new int[n];
    for (int r = 0; r < n; r++) {
      labels[r] = lines.get(r + 1).endsWith(",Yes") ? 1 : 0;
      all[r] = r;
    }
    StratifiedSplit split = TabularSplit.stratified(labels, all, 2, 0.8, 0.0, 5);
    List<String> test = new ArrayList<>(List.of(lines.get(0)));
    for (int r : split.test()) test.add(lines.get(r + 1));
    Path testCsv = dir.resolve("test.csv");
    Files.write(testCsv, test);

    JsonNode evaluated =
        lastJson(
            marketlens(
                "evaluate",
                "--model",
                model.toString(),
                "--data",
                testCsv.toString(),
                "--threads",
                "1",
                "--device",
                "cpu"));
    JsonNode metrics = evaluated.path("metrics");
    report
        .path("metrics")
        .fieldNames()
        .forEachRemaining(
            k -> assertThat(metrics.get(k)).as(k).isEqualTo(report.path("metrics").get(k)));

    Path other = dir.resolve("other.csv");
    marketlens(
        "predict",
        "--model",
        model.toString(),
        "--data",
        testCsv.toString(),
        "--threads",
        "1",
        "--device",
        "cpu",
        "--out",
        other.toString());
    ByteArrayOutputStream here = new ByteArrayOutputStream();
    LabModels.predict(model, testCsv, null, here, new RunOptions(1, "cpu", 1024), Progress.NONE);
    assertThat(Files.readString(other)).isEqualTo(here.toString(StandardCharsets.UTF_8));
  }

  private static JsonNode lastJson(String out) throws IOException {
    List<String> lines = out.lines().filter(l -> l.startsWith("{")).toList();
    return new ObjectMapper().readTree(lines.get(lines.size() - 1));
  }

  /** Runs the packaged CLI in a new JVM and returns its standard output. */
  private static String marketlens(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Dai.djl.offline=true");
    cmd.add("-cp");
    cmd.add(JAR + File.pathSeparator + Path.of("target", "lib") + File.separator + "*");
    cmd.add("io.marketlens.cli.Main");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }
}
