package io.marketlens.cli;

import io.marketlens.core.validate.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the bundled sample project ({@code examples/demo}): under {@code -Dmarketlens.home} when
 * the launcher sets it, else in the working directory or one of its parents.
 */
final class DemoProject {

  static final String RELATIVE = "examples/demo";

  private DemoProject() {}

  /** The directory holding the demo's {@code marketlens.yaml} and {@code data/}. */
  static Path locate() {
    String home = System.getProperty("marketlens.home");
    if (home != null) {
      Path p = Path.of(home).resolve(RELATIVE);
      if (Files.isRegularFile(p.resolve("marketlens.yaml"))) return p;
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path p = dir.resolve(RELATIVE);
      if (Files.isRegularFile(p.resolve("marketlens.yaml"))) return p;
    }
    throw InvalidInputException.in(null)
        .expected("the bundled sample project " + RELATIVE + "/marketlens.yaml")
        .found("not found under marketlens.home or the working directory")
        .hint("run bin/marketlens from a Marketlens checkout")
        .build();
  }
}
