package io.marketlens.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marketlens.core.output.AtomicOutput;
import io.marketlens.core.result.ResultsJson;
import java.nio.file.Path;

/**
 * Writes an analysis' outputs into a directory: {@code results.json} and the self-contained HTML
 * report {@code report/index.html}, both rendered from the same results tree.
 */
public final class ReportWriter {

  private ReportWriter() {}

  /** Writes {@code dir/results.json} and {@code dir/report/index.html}, each atomically. */
  public static void write(ObjectNode results, Path dir) {
    AtomicOutput.writeString(dir.resolve("results.json"), ResultsJson.toJson(results));
    AtomicOutput.writeString(
        dir.resolve("report").resolve("index.html"), HtmlReport.render(results));
  }
}
