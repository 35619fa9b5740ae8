package io.marketlens.cli;

import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.validate.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens init DIR}: writes a commented {@code marketlens.yaml} and a copy of the sample
 * data into DIR, so that {@code marketlens analyze --config DIR/marketlens.yaml} runs as is.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description =
        "Write a commented marketlens.yaml (and the sample data it points at) to start from.")
final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory for the new project.")
  Path dir;

  @Option(names = "--force", description = "Overwrite an existing marketlens.yaml.")
  boolean force;

  @Override
  public Integer call() {
    Path yaml = dir.resolve("marketlens.yaml");
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw InvalidInputException.in(dir)
          .expected("a directory for the new project")
          .found("a file")
          .build();
    }
    if (Files.exists(yaml) && !force) {
      throw InvalidInputException.in(yaml)
          .expected("no existing project file")
          .found("marketlens.yaml already exists")
          .hint("use --force to overwrite it")
          .build();
    }
    Path demo = DemoProject.locate();
    try {
      copyData(demo.resolve("data"), dir.resolve("data"));
      AtomicOutput.write(yaml, Files.readAllBytes(demo.resolve("marketlens.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    var out = spec.commandLine().getOut();
    out.println(
        "Wrote "
            + yaml.toAbsolutePath().normalize()
            + " and the sample data under "
            + dir.resolve("data"));
    out.println("Next: marketlens analyze --config " + yaml);
    out.flush();
    return ExitCodes.OK;
  }

  private static void copyData(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (Files.isRegularFile(f))
          AtomicOutput.write(to.resolve(f.getFileName().toString()), Files.readAllBytes(f));
      }
    }
  }
}
