package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed input of the corpus ({@code src/test/resources/bad-input}) gives exit code 2, one
 * clear error line naming file / row / column / key as the case expects, no stack trace, and no
 * output directory.
 */
class BadInputCorpusTest {

  @TempDir Path tmp;

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = corpus();
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs
          .filter(Files::isDirectory)
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  private static Path corpus() throws URISyntaxException {
    return Path.of(BadInputCorpusTest.class.getResource("/bad-input").toURI());
  }

  @Test
  void corpus_hasAtLeast25Cases() throws Exception {
    assertThat(cases().count()).isGreaterThanOrEqualTo(25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void analyze_badInput_exits2WithOneClearLineAndNoOutput(String name) throws Exception {
    Path project = tmp.resolve(name);
    copyTree(corpus().resolve(name), project);
    List<String> expected =
        Files.readAllLines(project.resolve("expect.txt"), StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();

    assertBadInput(project, expected);
  }

  @Test
  void analyze_oneMegabyteLine_exits2() throws Exception {
    Path project = Files.createDirectories(tmp.resolve("long_line"));
    String longValue = "x".repeat(1_100_000);
    Files.writeString(
        project.resolve("customers.csv"),
        "customerID,note,Churn\nA1,short,No\nA2," + longValue + ",Yes\nA3,short,No\n");
    writeCustomersProject(project, "customers.csv");

    assertBadInput(project, List.of("customers.csv", "row 3"));
  }

  @Test
  void analyze_unreadableFile_exits2() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root can read any file");
    Path project = Files.createDirectories(tmp.resolve("unreadable"));
    Path data = project.resolve("customers.csv");
    Files.writeString(data, "customerID,Churn\nA1,No\n");
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("---------"));
    writeCustomersProject(project, "customers.csv");

    assertBadInput(project, List.of("data.customers.path", "readable"));
  }

  @Test
  void analyze_missingProjectFile_exits2() {
    CliRun run = CliRun.of("analyze", "--config", tmp.resolve("nope.yaml").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("nope.yaml").contains("an existing file");
  }

  @Test
  void analyze_badInput_leavesExistingOutputUntouched() throws Exception {
    Path project = tmp.resolve("ragged_row");
    copyTree(corpus().resolve("ragged_row"), project);
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("results.json"), "{\"previous\": true}");

    CliRun run =
        CliRun.of(
            "analyze",
            "--config",
            project.resolve("marketlens.yaml").toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(Files.readString(out.resolve("results.json"))).isEqualTo("{\"previous\": true}");
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".out."));
    }
  }

  private void assertBadInput(Path project, List<String> expected) throws IOException {
    Path out = tmp.resolve(project.getFileName() + "-out");
    CliRun run =
        CliRun.of(
            "analyze",
            "--config",
            project.resolve("marketlens.yaml").toString(),
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
    assertThat(lines).as(run.err()).hasSize(1);
    assertThat(lines.get(0)).startsWith("error: ");
    for (String fragment : expected) assertThat(lines.get(0)).contains(fragment);
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("-out.tmp-"));
    }
  }

  private static void writeCustomersProject(Path project, String file) throws IOException {
    Files.writeString(
        project.resolve("marketlens.yaml"),
        "data:\n  customers:\n    path: " + file + "\n    id: customerID\n    churn: Churn\n");
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
