package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marketlens init DIR} writes a commented project file that runs as is. */
class InitCommandTest {

  @TempDir Path tmp;

  @Test
  void init_newDirectory_writesCommentedProjectThatAnalyzes() throws Exception {
    Path dir = tmp.resolve("acme");

    CliRun init = CliRun.of("init", dir.toString());

    assertThat(init.exitCode()).as(init.err()).isZero();
    String yaml = Files.readString(dir.resolve("marketlens.yaml"));
    assertThat(yaml).contains("# ").contains("data:");
    assertThat(dir.resolve("data/customers.csv")).isRegularFile();

    CliRun analyze = CliRun.of("analyze", "--config", dir.resolve("marketlens.yaml").toString());

    assertThat(analyze.exitCode()).as(analyze.err()).isZero();
    assertThat(dir.resolve("out/results.json")).isRegularFile();
    assertThat(dir.resolve("out/report/index.html")).isRegularFile();
  }

  @Test
  void init_existingProject_exits2WithoutOverwriting() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("acme"));
    Files.writeString(dir.resolve("marketlens.yaml"), "project: mine\n");

    CliRun run = CliRun.of("init", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("already exists").contains("--force");
    assertThat(Files.readString(dir.resolve("marketlens.yaml"))).isEqualTo("project: mine\n");
  }
}
