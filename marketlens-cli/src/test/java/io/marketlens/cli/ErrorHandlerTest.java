package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Exit codes: 2 for usage mistakes and capabilities not built yet, 1 for internal faults. */
class ErrorHandlerTest {

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("unexpected state at mary.smith@example.com");
    }
  }

  @Test
  void internalFault_exits1WithoutStackTraceOrPersonalData() {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Boom());
    ErrorHandler handler = new ErrorHandler();
    cl.setExecutionExceptionHandler(handler);
    cl.setErr(new PrintWriter(err, true));

    int code = cl.execute();

    assertThat(code).isEqualTo(1);
    assertThat(err.toString())
        .startsWith("internal error: IllegalStateException")
        .doesNotContain("\tat ");
    assertThat(err.toString()).doesNotContain("mary.smith@example.com");
  }

  @Test
  void unknownOption_exits2WithUsageHint() {
    CliRun run = CliRun.of("analyze", "--bogus");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--bogus").contains("marketlens analyze --help");
  }

  @Test
  void notYetAvailableSubcommand_exits2SayingSo() {
    CliRun run = CliRun.of("serve", "--port", "8080");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not available yet");
  }

  @Test
  void version_printsVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("marketlens ");
  }
}
