package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.progress.Progress;
import io.marketlens.core.project.ProjectFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The analysis capabilities in the order they run, each with the data sections it needs. A
 * capability that is not built yet, or whose data was not given, is reported as skipped with the
 * reason, so the report can say which evidence is missing.
 */
final class Capabilities {

  private record Capability(String name, String title, List<String> needs, boolean available) {}

  /** In run order. Capability modules flip {@code available} as they land. */
  private static final List<Capability> ALL =
      List.of(
          new Capability("customers", "segments, personas and churn drivers", List.of("customers"), false),
          new Capability("voc", "review sentiment and themes", List.of("reviews"), false),
          new Capability("market", "market forecasts", List.of("market"), false),
          new Capability("competitors", "competitor positioning map", List.of("competitors"), false),
          new Capability("recsys", "recommendations", List.of("interactions"), false),
          new Capability("positioning", "ranked positioning options", List.of(), false));

  private Capabilities() {}

  /** Runs what can run and returns one line per capability skipped. */
  static List<String> run(
      ProjectFile project, Map<String, LoadedTable> tables, ObjectNode results, Progress progress) {
    List<String> skipped = new ArrayList<>();
    for (Capability c : ALL) {
      List<String> missing = Analysis.sectionsWithout(tables, c.needs());
      if (!missing.isEmpty()) {
        skipped.add(c.name() + ": " + c.title() + " skipped, no data." + String.join(", data.", missing) + " section in " + project.file().getFileName());
      } else if (!c.available()) {
        skipped.add(c.name() + ": " + c.title() + " not available in this version");
      }
    }
    return skipped;
  }
}
