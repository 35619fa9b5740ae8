package io.marketlens.cli;

import static io.marketlens.cli.TrainTextGenCommandTest.CORPUS;
import static io.marketlens.cli.TrainTextGenCommandTest.runCapturingStdout;
import static io.marketlens.cli.TrainTextGenCommandTest.tinyTraining;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code marketlens generate} on a tiny model trained by {@code train textgen}. */
class GenerateCommandTest {

  @TempDir static Path tmp;
  static Path model;

  @BeforeAll
  static void train() {
    model = tmp.resolve("lm");
    CliRun r =
        runCapturingStdout(tinyTraining(CORPUS, model, "--steps", "40").toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  private static CliRun generate(String... more) {
    String[] base = {"generate", "--model", model.toString(), "--threads", "1", "--device", "cpu"};
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void printsThePromptAndItsContinuationTheSameForTheSameSeed() {
    CliRun a = generate("--prompt", "MARCIUS:", "--length", "50", "--seed", "3");
    CliRun b = generate("--prompt", "MARCIUS:", "--length", "50", "--seed", "3");
    CliRun c = generate("--prompt", "MARCIUS:", "--length", "50", "--seed", "4", "--top-k", "5");
    assertThat(a.exitCode()).as(a.err()).isZero();
    String text = a.out().stripTrailing();
    assertThat(text).startsWith("MARCIUS:").hasSize("MARCIUS:".length() + 50);
    assertThat(b.out()).isEqualTo(a.out());
    assertThat(c.exitCode()).isZero();
    assertThat(c.out()).isNotEqualTo(a.out());
    assertThat(a.err()).contains("generated 50 tokens");
  }

  @Test
  void temperatureZeroIsGreedyWhateverTheSeed() {
    CliRun a = generate("--prompt", "MARCIUS:", "--temperature", "0", "--seed", "1");
    CliRun b = generate("--prompt", "MARCIUS:", "--temperature", "0", "--seed", "2");
    assertThat(a.exitCode()).isZero();
    assertThat(b.out()).isEqualTo(a.out());
  }

  @Test
  void badPromptsAndOptionsExit2() {
    CliRun unknown = generate("--prompt", "Qué tal");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err())
        .startsWith("error: key '--prompt'")
        .contains("'Q' (U+0051)")
        .contains("'é' (U+00E9)");
    assertThat(unknown.out()).isEmpty();

    assertThat(generate("--prompt", "").err()).contains("a non-empty prompt");
    assertThat(generate("--prompt", "MARCIUS", "--temperature", "-1").exitCode()).isEqualTo(2);
    assertThat(generate("--prompt", "MARCIUS", "--top-k", "-3").exitCode()).isEqualTo(2);
    CliRun noModel =
        CliRun.of("generate", "--model", tmp.resolve("none").toString(), "--prompt", "a");
    assertThat(noModel.exitCode()).isEqualTo(2);
    assertThat(noModel.err()).contains("expected a model directory holding metadata.json");
  }
}
