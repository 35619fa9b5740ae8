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

  /**
   * One capability's work: reads the loaded tables (and what earlier steps left in {@code
   * findings}) and adds its section to the results.
   */
  @FunctionalInterface
  interface Step {
    void run(
        ProjectFile project,
        Map<String, LoadedTable> tables,
        ObjectNode results,
        Findings findings,
        Progress progress);
  }

  /**
   * @param needs the data sections it needs: all of them, or with {@code anyOne} one of them
   */
  private record Capability(
      String name, String title, List<String> needs, boolean anyOne, Step step) {

    Capability(String name, String title, List<String> needs, Step step) {
      this(name, title, needs, false, step);
    }
  }

  /** In run order; a null step means the capability has not landed yet. */
  private static final List<Capability> ALL =
      List.of(
          new Capability(
              "customers",
              "segments, personas and churn drivers",
              List.of("customers", "transactions"),
              true,
              new CustomerStep()),
          new Capability("voc", "review sentiment and themes", List.of("reviews"), new VocStep()),
          new Capability("market", "market forecasts", List.of("market"), new MarketStep()),
          new Capability(
              "competitors",
              "competitor positioning map",
              List.of("competitors"),
              new CompetitorStep()),
          new Capability("recsys", "recommendations", List.of("interactions"), null),
          new Capability(
              "positioning", "ranked positioning options", List.of(), new PositioningStep()));

  private Capabilities() {}

  /**
   * Runs what can run and returns one line per capability skipped; the seconds each step took go
   * into {@code timings}.
   */
  static List<String> run(
      ProjectFile project,
      Map<String, LoadedTable> tables,
      ObjectNode results,
      Findings findings,
      Progress progress,
      Map<String, Double> timings) {
    List<String> skipped = new ArrayList<>();
    for (Capability c : ALL) {
      List<String> missing = Analysis.sectionsWithout(tables, c.needs());
      if (c.anyOne() && missing.size() < c.needs().size()) missing = List.of();
      if (!missing.isEmpty()) {
        skipped.add(
            c.name()
                + ": "
                + c.title()
                + " skipped, no data."
                + String.join(c.anyOne() ? " or data." : ", data.", missing)
                + " section in "
                + project.file().getFileName());
      } else if (c.step() == null) {
        skipped.add(c.name() + ": " + c.title() + " not available in this version");
      } else {
        long start = System.nanoTime();
        try (Progress.Step s = progress.start(c.name(), 0, "")) {
          c.step().run(project, tables, results, findings, progress);
        }
        timings.put(c.name(), (System.nanoTime() - start) / 1e9);
      }
    }
    return skipped;
  }
}
