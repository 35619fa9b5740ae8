package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens train tabular} on the model lab's committed Telco slice (marketlens-ml's test
 * resources, see the README there): a model is written and the JSON report printed; bad input exits
 * 2 with one clear line.
 */
class TrainTabularCommandTest {

  static final Path SLICE =
      Path.of("..", "marketlens-ml", "src", "test", "resources", "lab", "tabular", "telco_600.csv");

  /** Runs the CLI, also capturing what {@link JsonLine} prints on System.out. */
  private static CliRun runCapturingStdout(ByteArrayOutputStream stdout, String... args) {
    PrintStream saved = System.out;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    try {
      return CliRun.of(args);
    } finally {
      System.setOut(saved);
    }
  }

  private static CliRun train(Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train",
                "tabular",
                "--data",
                SLICE.toString(),
                "--quiet",
                "--threads",
                "1",
                "--device",
                "cpu"));
    if (out != null) args.addAll(List.of("--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void train_telcoSlice_writesModelAndPrintsReport(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("churn-model");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CliRun run =
        runCapturingStdout(
            stdout,
            "train",
            "tabular",
            "--data",
            SLICE.toString(),
            "--target",
            "Churn",
            "--epochs",
            "2",
            "--hidden",
            "8",
            "--seed",
            "3",
            "--threads",
            "1",
            "--quiet",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(report.path("task").asText()).isEqualTo("tabular");
    assertThat(report.path("model").asText()).isEqualTo(out.toString());
    assertThat(report.path("metrics").path("auc").asDouble()).isBetween(0.0, 1.0);
    assertThat(report.path("timing").has("secondsPerEpoch")).isTrue();
    assertThat(report.path("details").path("epochs").asInt()).isEqualTo(2);
    assertThat(out.resolve("metadata.json")).exists();
    assertThat(out.resolve("weights.params")).exists();
    assertThat(Files.exists(dir.resolve("churn-model.checkpoint"))).isFalse();
  }

  @Test
  void train_logisticArchWithoutOut_reportsThatNothingIsSaved(@TempDir Path dir)
      throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    CliRun run =
        runCapturingStdout(
            stdout,
            "train",
            "tabular",
            "--data",
            SLICE.toString(),
            "--target",
            "Churn",
            "--arch",
            "logistic",
            "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = stdout.toString(StandardCharsets.UTF_8).lines().toList();
    JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(report.path("model").isNull()).isTrue();
    assertThat(report.path("details").path("saved").asBoolean()).isFalse();
    assertThat(report.path("details").path("note").asText()).contains("no --out");
  }

  @Test
  void train_gbtArchWithOut_savesAModelThatPredictReads(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("gbt");
    CliRun trained =
        runCapturingStdout(
            new ByteArrayOutputStream(),
            "train",
            "tabular",
            "--data",
            SLICE.toString(),
            "--target",
            "Churn",
            "--arch",
            "gbt",
            "--out",
            out.toString(),
            "--quiet");
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    assertThat(out.resolve("lightgbm.txt")).exists();

    Path predictions = dir.resolve("p.csv");
    CliRun predicted =
        runCapturingStdout(
            new ByteArrayOutputStream(),
            "predict",
            "--model",
            out.toString(),
            "--data",
            SLICE.toString(),
            "--out",
            predictions.toString());
    assertThat(predicted.exitCode()).as(predicted.err()).isZero();
    List<String> rows = Files.readAllLines(predictions);
    assertThat(rows).hasSize(601);
    assertThat(rows.get(0)).isEqualTo("customerID,probability,class");
  }

  @Test
  void missingTargetColumn_exits2SuggestingTheClosest(@TempDir Path dir) {
    CliRun run = train(dir.resolve("m"), "--target", "Chrn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("error: ")
        .contains("Chrn")
        .contains("did you mean 'Churn'?")
        .doesNotContain("\tat ");
  }

  @Test
  void oneClassTarget_exits2(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("stayers.csv");
    Files.write(data, Files.readAllLines(SLICE).stream().filter(l -> !l.endsWith(",Yes")).toList());

    CliRun run = trainOn(data, dir.resolve("m"), "--target", "Churn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("two different target values").contains("only 'No'");
  }

  @Test
  void targetAllMissing_exits2(@TempDir Path dir) throws IOException {
    Path data = dir.resolve("unlabelled.csv");
    List<String> lines = Files.readAllLines(SLICE);
    List<String> blanked = new java.util.ArrayList<>();
    blanked.add(lines.get(0));
    for (String l : lines.subList(1, lines.size())) blanked.add(l.replaceAll(",(Yes|No)$", ","));
    Files.write(data, blanked);

    CliRun run = trainOn(data, dir.resolve("m"), "--target", "Churn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("column 'Churn'").contains("only missing values");
  }

  @Test
  void regressionOnText_exits2NamingRowAndValue(@TempDir Path dir) {
    CliRun run = train(dir.resolve("m"), "--target", "Contract", "--task", "regression");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("row 2")
        .contains("column 'Contract'")
        .contains("expected a number")
        .contains("Month-to-month");
  }

  @Test
  void emptyFile_exits2(@TempDir Path dir) throws IOException {
    Path data = Files.createFile(dir.resolve("empty.csv"));

    CliRun run = trainOn(data, dir.resolve("m"), "--target", "Churn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("empty.csv").contains("empty file");
  }

  @Test
  void unknownArch_exits2SuggestingTheClosest(@TempDir Path dir) {
    CliRun run = train(dir.resolve("m"), "--target", "Churn", "--arch", "gbm");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--arch").contains("did you mean 'gbt'?");
  }

  @Test
  void mlpWithoutOut_exits2() {
    CliRun run = train(null, "--target", "Churn");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--out");
  }

  private static CliRun trainOn(Path data, Path out, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "train", "tabular", "--data", data.toString(), "--quiet", "--out", out.toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }
}
