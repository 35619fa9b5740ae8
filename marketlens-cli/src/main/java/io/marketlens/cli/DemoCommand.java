package io.marketlens.cli;

import io.marketlens.core.project.ProjectFileLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code marketlens demo}: analyzes the bundled sample project and prints where the report is. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Analyze the bundled real sample project (examples/demo) and print where the report is.")
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      defaultValue = "demo-out",
      description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Path project = DemoProject.locate().resolve("marketlens.yaml");
    AnalyzeCommand.run(spec, ProjectFileLoader.load(project), out, "local");
    return ExitCodes.OK;
  }
}
