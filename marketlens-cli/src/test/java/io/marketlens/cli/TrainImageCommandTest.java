package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens train image}, then {@code predict} and {@code evaluate} on its model, on the
 * MNIST slices committed in marketlens-ml's test resources; and every bad input → exit 2 with one
 * clear line and no model written.
 */
class TrainImageCommandTest {

  private static final Path FIXTURES =
      Path.of("..", "marketlens-ml", "src", "test", "resources", "lab", "image");

  @TempDir Path tmp;

  /** Runs the CLI, also capturing what went to System.out (the JSON line). */
  private record Run(int exitCode, String stdout, String err) {}

  private static Run run(String... args) {
    PrintStream saved = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CliRun r;
    try {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
      r = CliRun.of(args);
    } finally {
      System.setOut(saved);
    }
    return new Run(r.exitCode(), bytes.toString(StandardCharsets.UTF_8) + r.out(), r.err());
  }

  private static List<String> train(Path data, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "train",
                "image",
                "--data",
                data.toString(),
                "--out",
                out.toString(),
                "--epochs",
                "1",
                "--filters",
                "4",
                "--hidden",
                "16",
                "--threads",
                "1",
                "--quiet"));
    args.addAll(Arrays.asList(more));
    return args;
  }

  @Test
  void trainImage_mnistSlice_printsReportThenPredictAndEvaluateWork() throws Exception {
    Path model = tmp.resolve("model");

    Run t = run(train(FIXTURES.resolve("mnist500"), model).toArray(String[]::new));

    assertThat(t.exitCode()).as(t.err()).isZero();
    List<String> lines = t.stdout().lines().filter(l -> !l.isBlank()).toList();
    JsonNode report = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(report.path("task").asText()).isEqualTo("image");
    assertThat(report.path("metrics").path("accuracy").asDouble()).isGreaterThan(0.1);
    assertThat(report.path("metrics").has("macroF1")).isTrue();
    assertThat(report.path("timing").has("secondsPerEpoch")).isTrue();
    assertThat(report.path("details").path("heldOut").asText()).isEqualTo("the t10k files");
    assertThat(model.resolve("metadata.json")).exists();
    assertThat(tmp.resolve("model.checkpoint")).doesNotExist();

    Path csv = tmp.resolve("pred.csv");
    Run p =
        run(
            "predict",
            "--model",
            model.toString(),
            "--data",
            FIXTURES.resolve("png").toString(),
            "--out",
            csv.toString(),
            "--threads",
            "1");
    assertThat(p.exitCode()).as(p.err()).isZero();
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows).hasSize(25);
    assertThat(rows.get(0)).isEqualTo("image,predicted,probability");
    assertThat(rows.get(1)).startsWith("one/t10k-0002.png,");

    Run e =
        run(
            "evaluate",
            "--model",
            model.toString(),
            "--data",
            FIXTURES.resolve("mnist500").toString(),
            "--threads",
            "1");
    assertThat(e.exitCode()).as(e.err()).isZero();
    List<String> out = e.stdout().lines().filter(l -> !l.isBlank()).toList();
    JsonNode eval = new ObjectMapper().readTree(out.get(out.size() - 1));
    assertThat(eval.path("metrics").path("accuracy").asDouble())
        .isEqualTo(report.path("metrics").path("accuracy").asDouble());
  }

  @Test
  void trainImage_notAnIdxFile_exits2() throws Exception {
    Path dir = idxCopy("badmagic");
    Files.writeString(dir.resolve("train-images-idx3-ubyte.gz"), "pixel0,pixel1\n1,2\n");

    assertBadInput(dir, "train-images-idx3-ubyte.gz", "magic 2051", "not an IDX file");
  }

  @Test
  void trainImage_labelCountMismatch_exits2() throws Exception {
    Path dir = idxCopy("count");
    ByteBuffer b = ByteBuffer.allocate(8 + 399);
    b.putInt(2049).putInt(399);
    gzip(dir.resolve("train-labels-idx1-ubyte.gz"), b.array());

    assertBadInput(
        dir, "train-labels-idx1-ubyte.gz", "expected 400 labels", "found \"399 labels\"");
  }

  @Test
  void trainImage_pngOfWrongSize_exits2NamingFileAndSizes() throws Exception {
    Path dir = pngCopy("size");
    Path odd = dir.resolve("zero").resolve("odd.png");
    ImageIO.write(new BufferedImage(20, 24, BufferedImage.TYPE_BYTE_GRAY), "png", odd.toFile());

    assertBadInput(dir, "odd.png", "28×28", "found \"24×20\"");
  }

  @Test
  void trainImage_emptyFolder_exits2() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));

    assertBadInput(dir, "empty", "an empty folder");
  }

  @Test
  void trainImage_oneClassOnly_exits2() throws Exception {
    Path dir = pngCopy("oneclass");
    for (String c : new String[] {"one", "two"}) deleteTree(dir.resolve(c));

    assertBadInput(dir, "at least 2 classes");
  }

  @Test
  void trainImage_missingData_exits2() {
    assertBadInput(tmp.resolve("nowhere"), "nowhere", "nothing there");
  }

  @Test
  void trainImage_otherArchitecture_exits2() {
    assertBadInput(FIXTURES.resolve("mnist500"), List.of("--arch", "resnet"), "--arch cnn");
  }

  private void assertBadInput(Path data, String... fragments) {
    assertBadInput(data, List.of(), fragments);
  }

  private void assertBadInput(Path data, List<String> more, String... fragments) {
    Path out = tmp.resolve("out-" + data.getFileName());
    Run r = run(train(data, out, more.toArray(String[]::new)).toArray(String[]::new));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    List<String> lines = r.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(r.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: ");
    for (String f : fragments) assertThat(lines.get(0)).contains(f);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  private Path idxCopy(String name) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(FIXTURES.resolve("mnist500"))) {
      for (Path f : s.toList()) Files.copy(f, dir.resolve(f.getFileName().toString()));
    }
    return dir;
  }

  private Path pngCopy(String name) throws IOException {
    Path src = FIXTURES.resolve("png");
    Path dst = tmp.resolve(name);
    try (Stream<Path> s = Files.walk(src)) {
      for (Path p : s.toList()) {
        Path t = dst.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
    return dst;
  }

  private static void gzip(Path file, byte[] bytes) throws IOException {
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(bytes);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
