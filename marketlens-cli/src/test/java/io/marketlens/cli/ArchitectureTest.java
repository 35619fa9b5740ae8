package io.marketlens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The import side of the layering rule (DESIGN.md §3); the enforcer's banned dependencies keep the
 * POM side. Only {@code ml} imports DJL or ONNX Runtime, only {@code spark} imports Spark, and no
 * module imports a module above it.
 */
class ArchitectureTest {

  /** Module → the Marketlens packages it may import (besides its own). */
  private static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("core", List.of()),
          Map.entry("ml", List.of("core")),
          Map.entry("customers", List.of("core", "ml")),
          Map.entry("voc", List.of("core", "ml")),
          Map.entry("market", List.of("core", "ml")),
          Map.entry("recsys", List.of("core", "ml")),
          Map.entry("report", List.of("core")),
          Map.entry(
              "pipeline", List.of("core", "ml", "customers", "voc", "market", "recsys", "report")),
          Map.entry("cli", List.of("core", "ml", "pipeline", "bench")),
          Map.entry("server", List.of("core", "pipeline")),
          Map.entry("spark", List.of("core", "ml", "pipeline")),
          Map.entry("testing", List.of("core")),
          Map.entry(
              "benchmarks",
              List.of("core", "ml", "customers", "voc", "market", "recsys", "pipeline")));

  private static final List<String> ALL =
      List.of(
          "core",
          "ml",
          "customers",
          "voc",
          "market",
          "recsys",
          "report",
          "pipeline",
          "cli",
          "server",
          "spark",
          "testing",
          "bench");

  @Test
  void imports_followTheModuleArrows() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    List<String> violations = new ArrayList<>();
    for (Map.Entry<String, List<String>> m : ALLOWED.entrySet()) {
      Path src = root.resolve("marketlens-" + m.getKey()).resolve("src/main/java");
      if (!Files.isDirectory(src)) continue;
      String own = m.getKey().equals("benchmarks") ? "bench" : m.getKey();
      try (Stream<Path> files = Files.walk(src)) {
        for (Path f :
            (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          for (String line : Files.readAllLines(f)) {
            if (!line.startsWith("import ")) continue;
            String imported = line.substring(7).replace("static ", "").trim();
            if ((imported.startsWith("ai.djl")
                    || imported.startsWith("ai.onnxruntime")
                    || imported.startsWith("dev.langchain4j"))
                && !m.getKey().equals("ml")) {
              violations.add(f + ": " + line);
            }
            if (imported.startsWith("org.apache.spark") && !m.getKey().equals("spark"))
              violations.add(f + ": " + line);
            for (String other : ALL) {
              if (other.equals(own) || m.getValue().contains(other)) continue;
              if (imported.startsWith("io.marketlens." + other + "."))
                violations.add(f + ": " + line);
            }
          }
        }
      }
    }
    assertThat(violations).isEmpty();
  }
}
