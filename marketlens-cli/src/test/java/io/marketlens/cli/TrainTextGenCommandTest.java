package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marketlens train textgen}, then {@code evaluate} and {@code predict} on its model. */
class TrainTextGenCommandTest {

  /** The ml module's committed Tiny Shakespeare slice (see the README beside it). */
  static final Path CORPUS =
      Path.of("../marketlens-ml/src/test/resources/lab/textgen/tiny_shakespeare_20k.txt");

  @TempDir Path tmp;

  /** Runs the CLI, capturing standard output (where the JSON line goes) too. */
  static CliRun runCapturingStdout(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      CliRun r = CliRun.of(args);
      return new CliRun(r.exitCode(), bytes.toString(StandardCharsets.UTF_8) + r.out(), r.err());
    } finally {
      System.setOut(old);
    }
  }

  static List<String> tinyTraining(Path corpus, Path out, String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "train",
                "textgen",
                "--corpus",
                corpus.toString(),
                "--out",
                out.toString(),
                "--seq",
                "16",
                "--hidden",
                "16",
                "--embedding",
                "8",
                "--batch",
                "8",
                "--val-batches",
                "2",
                "--lr",
                "0.01",
                "--threads",
                "1",
                "--device",
                "cpu",
                "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  static JsonNode lastJson(String out) throws Exception {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    return new ObjectMapper().readTree(lines.get(lines.size() - 1));
  }

  @Test
  void trainPrintsTheReportAndEvaluateAndPredictUseTheModel() throws Exception {
    Path model = tmp.resolve("lm");
    CliRun r =
        runCapturingStdout(tinyTraining(CORPUS, model, "--steps", "30").toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = lastJson(r.out());
    assertThat(j.path("task").asText()).isEqualTo("textgen");
    assertThat(j.path("model").asText()).isEqualTo(model.toString());
    assertThat(j.path("metrics").path("valLoss").asDouble()).isBetween(1.0, Math.log(58));
    assertThat(j.path("metrics").path("perplexity").asDouble()).isGreaterThan(1);
    assertThat(j.path("timing").has("secondsPerStep")).isTrue();
    assertThat(j.path("details").path("steps").asInt()).isEqualTo(30);
    assertThat(j.path("details").path("architecture").asText()).isEqualTo("gru");
    assertThat(Files.isRegularFile(model.resolve("metadata.json"))).isTrue();

    CliRun e =
        runCapturingStdout(
            "evaluate", "--model", model.toString(), "--data", CORPUS.toString(), "--threads", "1");
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(lastJson(e.out()).path("metrics").path("tokens").asLong()).isEqualTo(19_995L);

    CliRun p =
        runCapturingStdout("predict", "--model", model.toString(), "--data", CORPUS.toString());
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(p.err()).startsWith("error: ").contains("use marketlens generate");
  }

  @Test
  void lstmAtWordLevelTrainsByEpochs() throws Exception {
    Path model = tmp.resolve("words");
    CliRun r =
        runCapturingStdout(
            tinyTraining(
                    CORPUS,
                    model,
                    "--arch",
                    "lstm",
                    "--level",
                    "word",
                    "--epochs",
                    "2",
                    "--steps-per-epoch",
                    "5",
                    "--min-count",
                    "2")
                .toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = lastJson(r.out());
    assertThat(j.path("details").path("steps").asInt()).isEqualTo(10);
    assertThat(j.path("details").path("level").asText()).isEqualTo("word");
    assertThat(j.path("details").path("architecture").asText()).isEqualTo("lstm");
  }

  @Test
  void badCorporaAndOptionsExit2WithOneLineAndNoModel() throws Exception {
    Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Path shortText = Files.writeString(tmp.resolve("short.txt"), "Now is the winter");
    Path binary = Files.write(tmp.resolve("blob.txt"), new byte[] {'P', 'K', 3, 4, 0, 0, 9});
    Path out = tmp.resolve("never");
    record Case(List<String> args, String expected) {}
    List<Case> cases =
        List.of(
            new Case(tinyTraining(empty, out), "empty.txt: expected a non-empty UTF-8 text file"),
            new Case(tinyTraining(shortText, out), "short.txt: expected at least 161 char tokens"),
            new Case(
                tinyTraining(binary, out),
                "blob.txt: expected a UTF-8 text file, found \"a binary file"),
            new Case(tinyTraining(tmp.resolve("missing.txt"), out), "no such file"),
            new Case(
                tinyTraining(CORPUS, out, "--arch", "rnn"), "key '--arch': expected gru or lstm"),
            new Case(tinyTraining(CORPUS, out, "--level", "byte"), "expected char or word"),
            new Case(tinyTraining(CORPUS, out, "--min-count", "0"), "key '--min-count'"),
            new Case(
                tinyTraining(CORPUS, out, "--steps", "5", "--epochs", "2"),
                "--steps or --epochs, not both"),
            new Case(tinyTraining(CORPUS, out, "--steps", "0"), "key '--steps'"),
            new Case(tinyTraining(CORPUS, out, "--dropout", "0.2"), "key '--dropout'"),
            new Case(tinyTraining(CORPUS, out, "--balance-classes"), "key '--balance-classes'"),
            new Case(
                tinyTraining(CORPUS, out, "--steps", "5", "--steps-per-epoch", "0"),
                "key '--steps-per-epoch'"));
    for (Case c : cases) {
      CliRun r = runCapturingStdout(c.args().toArray(String[]::new));
      assertThat(r.exitCode()).as(c.expected() + " / " + r.err()).isEqualTo(2);
      assertThat(r.err().lines().toList()).as(r.err()).hasSize(1);
      assertThat(r.err()).startsWith("error: ").contains(c.expected()).doesNotContain("Exception");
      assertThat(Files.exists(out)).isFalse();
    }
  }
}
