package io.marketlens.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * What an analysis produced.
 *
 * @param outDir the output directory (after the atomic swap)
 * @param resultsFile {@code outDir/results.json}
 * @param reportFile {@code outDir/report/index.html}
 * @param results the results document as written
 * @param skipped one line per capability that did not run, and why
 * @param timings seconds per step ("read", each capability, "report"); kept out of results.json so
 *     that the same data give the same file
 */
public record AnalysisResult(
    Path outDir,
    Path resultsFile,
    Path reportFile,
    ObjectNode results,
    List<String> skipped,
    java.util.Map<String, Double> timings) {

  public AnalysisResult {
    skipped = List.copyOf(skipped);
    timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
  }
}
