package io.marketlens.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.marketlens.core.validate.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public entry point, as the CLI calls it. No assertion here depends on a timing. */
class IngestBenchmarkTest {

  /** The shared datasets folder, found from the module or the repository root. */
  private static Path datasets() {
    for (String candidate :
        List.of("../../shared/datasets", "../shared/datasets", "/work/shared/datasets")) {
      Path p = Path.of(candidate);
      if (Files.isRegularFile(p.resolve(IngestBenchmark.RETAIL))) return p;
    }
    return null;
  }

  @Test
  void options_outOfRange_areUsageErrors() {
    IngestOptions d = IngestOptions.defaults(Path.of("data"));
    assertThat(d.rows()).isEqualTo(5_000_000);
    assertThat(d.python()).isEqualTo(Path.of("/usr/bin/python3"));
    assertThat(d.repeat()).isEqualTo(3);
    assertThatThrownBy(() -> d.withRows(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--rows");
    assertThatThrownBy(() -> d.withRepeat(0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("--repeat");
  }

  @Test
  void run_dataFolderWithoutOnlineRetail_isAnInputError(@TempDir Path dir) {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> IngestBenchmark.run(IngestOptions.defaults(dir), sink, sink))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("online_retail.csv.gz");
  }

  @Test
  void run_withoutPython_printsOurFiguresAndHowToInstallPandas(@TempDir Path work)
      throws Exception {
    Path data = datasets();
    Assumptions.assumeTrue(data != null, "the shared datasets folder is not here");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    IngestOptions options =
        IngestOptions.defaults(data)
            .withRows(2_000)
            .withRepeat(1)
            .withPython(work.resolve("no-such-python"))
            .withWork(work);

    IngestReport report =
        IngestBenchmark.run(
            options,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(report.files()).hasSize(2);
    assertThat(report.files().get(0).ours().rows()).isEqualTo(IngestBenchmark.RETAIL_ROWS);
    assertThat(report.files().get(1).ours().rows()).isEqualTo(2_000);
    assertThat(report.files().get(1).ours().columnTypes()).hasSize(SyntheticCsv.COLUMNS);
    assertThat(report.reference()).isNull();
    assertThat(report.referenceError()).contains("apt-get install -y python3-pandas");
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(stdout).contains("pandas reference could not run").contains("online_retail.csv.gz");
    List<String> lines = stdout.lines().toList();
    JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(json.get("files").get(1).get("rows").asLong()).isEqualTo(2_000);
    assertThat(json.get("pandas_version").isNull()).isTrue();
    // A given work folder is kept, with the generated file in it for the next run.
    assertThat(work.resolve(SyntheticCsv.fileName(2_000, IngestOptions.DEFAULT_SEED))).exists();
  }
}
