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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens train text}, then {@code evaluate} and {@code predict} on the model, on the
 * committed THUCNews slice (marketlens-ml's test resources), and the bad inputs that must exit 2.
 */
class TrainTextCommandTest {

  private static final Path DATA = Path.of("../marketlens-ml/src/test/resources/lab/text");

  @TempDir Path tmp;

  /** Runs the command line, with {@code System.out} captured too (where the JSON line goes). */
  private static CliRun run(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      CliRun r = CliRun.of(args);
      return new CliRun(r.exitCode(), r.out() + bytes.toString(StandardCharsets.UTF_8), r.err());
    } finally {
      System.setOut(old);
    }
  }

  private static JsonNode lastJson(String out) throws IOException {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    return new ObjectMapper().readTree(lines.get(lines.size() - 1));
  }

  private List<String> tiny(String... more) {
    List<String> a =
        new ArrayList<>(
            List.of(
                "--dim",
                "16",
                "--heads",
                "2",
                "--layers",
                "1",
                "--ff",
                "32",
                "--max-len",
                "32",
                "--pad",
                "longest",
                "--epochs",
                "2",
                "--batch",
                "32",
                "--threads",
                "1",
                "--device",
                "cpu",
                "--quiet"));
    a.addAll(List.of(more));
    return a;
  }

  @Test
  void trainEvaluatePredict_thucnewsSlice() throws IOException {
    Path model = tmp.resolve("model");
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "text",
                "--data",
                DATA.resolve("thucnews_train_1000.txt").toString(),
                "--no-header",
                "--text",
                "1",
                "--label",
                "2",
                "--test",
                DATA.resolve("thucnews_test_200.txt").toString(),
                "--out",
                model.toString()));
    args.addAll(tiny());
    CliRun train = run(args.toArray(String[]::new));
    assertThat(train.exitCode()).as(train.err()).isZero();
    JsonNode report = lastJson(train.out());
    assertThat(report.path("task").asText()).isEqualTo("text");
    assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.1);
    assertThat(report.path("metrics").has("macroF1")).isTrue();
    assertThat(report.path("timing").has("secondsPerEpoch")).isTrue();
    assertThat(report.path("details").path("tokens").asText()).isEqualTo("char");
    assertThat(report.path("details").path("testRows").asInt()).isEqualTo(200);
    assertThat(Files.exists(tmp.resolve("model.checkpoint"))).isFalse();

    CliRun eval =
        run(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            DATA.resolve("thucnews_test_200.txt").toString(),
            "--threads",
            "1",
            "--device",
            "cpu");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(lastJson(eval.out()).path("metrics").path("accuracy").asDouble())
        .isEqualTo(report.path("metrics").path("accuracy").asDouble());

    Path csv = tmp.resolve("p.csv");
    CliRun predict =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            DATA.resolve("thucnews_test_200.txt").toString(),
            "--out",
            csv.toString(),
            "--threads",
            "1",
            "--device",
            "cpu");
    assertThat(predict.exitCode()).as(predict.err()).isZero();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(201);
    assertThat(lines.get(0)).isEqualTo("row,label,probability");
  }

  @Test
  void gruAndEmbedHead_trainAndEvaluateTheSame() throws IOException {
    for (String arch : List.of("gru", "embed-head")) {
      Path model = tmp.resolve(arch);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "train",
                  "text",
                  "--data",
                  DATA.resolve("thucnews_train_1000.txt").toString(),
                  "--no-header",
                  "--text",
                  "1",
                  "--label",
                  "2",
                  "--test",
                  DATA.resolve("thucnews_test_200.txt").toString(),
                  "--arch",
                  arch,
                  "--out",
                  model.toString()));
      args.addAll(tiny());
      CliRun train = run(args.toArray(String[]::new));
      assertThat(train.exitCode()).as(train.err()).isZero();
      JsonNode report = lastJson(train.out());
      assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.1);

      CliRun eval =
          run(
              "evaluate",
              "--model",
              model.toString(),
              "--data",
              DATA.resolve("thucnews_test_200.txt").toString(),
              "--threads",
              "1",
              "--device",
              "cpu");
      assertThat(eval.exitCode()).as(eval.err()).isZero();
      assertThat(lastJson(eval.out()).path("metrics").path("accuracy").asDouble())
          .as(arch)
          .isEqualTo(report.path("metrics").path("accuracy").asDouble());
    }
  }

  private CliRun trainCsv(String content, String... extra) throws IOException {
    Path f = tmp.resolve("data.csv");
    Files.writeString(f, content);
    List<String> args =
        new ArrayList<>(
            List.of("train", "text", "--data", f.toString(), "--out", tmp.resolve("m").toString()));
    args.addAll(List.of(extra));
    args.addAll(tiny());
    return run(args.toArray(String[]::new));
  }

  private static void assertBadInput(CliRun r, String... fragments) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    List<String> errLines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(errLines).hasSize(1);
    assertThat(errLines.get(0)).startsWith("error: ");
    for (String f : fragments) assertThat(errLines.get(0)).contains(f);
    assertThat(r.err()).doesNotContain("Exception");
  }

  @Test
  void missingTextColumn_suggestsTheClosest() throws IOException {
    CliRun r =
        trainCsv("review,label\ngood,pos\nbad,neg\n", "--text", "reviews", "--label", "label");
    assertBadInput(r, "column 'reviews'", "did you mean 'review'");
  }

  @Test
  void missingLabelColumn_isExit2() throws IOException {
    CliRun r =
        trainCsv("review,label\ngood,pos\nbad,neg\n", "--text", "review", "--label", "lable");
    assertBadInput(r, "column 'lable'", "did you mean 'label'");
  }

  @Test
  void oneLabelOnly_isExit2() throws IOException {
    CliRun r =
        trainCsv("review,label\ngood,pos\nfine,pos\n", "--text", "review", "--label", "label");
    assertBadInput(r, "at least two different labels");
  }

  @Test
  void emptyFile_isExit2() throws IOException {
    assertBadInput(trainCsv("", "--text", "review", "--label", "label"));
    assertBadInput(trainCsv("", "--text", "1", "--label", "2", "--no-header"), "empty file");
  }

  @Test
  void allTextsEmpty_isExit2() throws IOException {
    CliRun r = trainCsv("review,label\n ,pos\n,neg\n", "--text", "review", "--label", "label");
    assertBadInput(r, "texts blank");
  }

  @Test
  void otherArchitectures_areRefusedClearly() throws IOException {
    CliRun r =
        trainCsv(
            "review,label\ngood,pos\nbad,neg\n",
            "--text",
            "review",
            "--label",
            "label",
            "--arch",
            "lstm");
    assertBadInput(r, "--arch", "transformer, gru or embed-head", "lstm");
  }

  @Test
  void noHeader_namedColumn_isExit2() throws IOException {
    CliRun r = trainCsv("good,pos\nbad,neg\n", "--text", "review", "--label", "2", "--no-header");
    assertBadInput(r, "column position");
  }
}
